import 'reflect-metadata';
import { graphql, GraphQLSchema } from 'graphql';
import { Max } from 'class-validator';
import { Args, ArgsType, buildSchema, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { ServiceContainer } from '@aftercare/subgraph';
import { callFieldResolversDirectly } from './direct-field-resolvers';

@ObjectType()
class WorkOrderRow {
  @Field(() => ID)
  id!: string;

  customerId!: string;

  /** Only an instance has it: a parent that reached the resolver unconverted would not. */
  reference(): { id: string } {
    return { id: this.customerId };
  }
}

@ObjectType()
class CustomerKey {
  @Field(() => ID)
  id!: string;
}

@ArgsType()
class NotesArgs {
  @Field(() => Int)
  @Max(5)
  count!: number;
}

const rows = (): WorkOrderRow[] => ['c-1', 'c-2'].map((customerId, n) => Object.assign(new WorkOrderRow(), { id: `w-${n}`, customerId }));

@Resolver(() => WorkOrderRow)
class WorkOrderRowResolver {
  @Query(() => [WorkOrderRow])
  rows(): WorkOrderRow[] {
    return rows();
  }

  @Query(() => [WorkOrderRow])
  plainRows(): object[] {
    return rows().map((row) => ({ ...row }));
  }

  @FieldResolver(() => CustomerKey)
  customer(@Root() row: WorkOrderRow): { id: string } {
    return row.reference();
  }

  @FieldResolver(() => String)
  askedBy(@Root() row: WorkOrderRow, @Ctx('caller') caller: string): string {
    return `${caller} for ${row.id}`;
  }

  @FieldResolver(() => [String])
  lastNotes(@Root() row: WorkOrderRow, @Args() { count }: NotesArgs): string[] {
    return Array.from({ length: count }, (_, n) => `${row.id} note ${n}`);
  }

  @UseMiddleware(async ({ context }, next) => {
    (context as { seen: string[] }).seen.push('middleware');
    return next();
  })
  @FieldResolver(() => String)
  audited(@Root() row: WorkOrderRow): string {
    return row.id;
  }
}

/** Counts the resolvers the container hands out: type-graphql asks for one per value it resolves. */
class CountingContainer extends ServiceContainer {
  asked = 0;
  override get<T>(token: Parameters<ServiceContainer['get']>[0] & (new () => T)): T {
    this.asked += 1;
    return super.get(token);
  }
}

async function schemaWith(container: CountingContainer, direct: boolean): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [WorkOrderRowResolver], container, skipCheck: true, validate: { forbidUnknownValues: false } });
  if (direct) callFieldResolversDirectly(schema, [WorkOrderRowResolver], container);
  return schema;
}

const run = (schema: GraphQLSchema, source: string, seen: string[] = []) => graphql({ schema, source, contextValue: { caller: 'Ada', seen } });

/** One query through type-graphql alone and through the direct resolvers: both answers, and how often each asked its container. */
async function bothWays(source: string) {
  const viaTypeGraphql = new CountingContainer();
  const expected = await run(await schemaWith(viaTypeGraphql, false), source);
  const container = new CountingContainer();
  const schema = await schemaWith(container, true);
  const askedAtBuild = container.asked;
  const answer = await run(schema, source);
  return { expected, answer, askedDirectly: container.asked - askedAtBuild, askedViaTypeGraphql: viaTypeGraphql.asked };
}

describe('field resolvers called directly', () => {
  it('answers exactly as through type-graphql, without asking the container per value', async () => {
    const { expected, answer, askedDirectly, askedViaTypeGraphql } = await bothWays('{ rows { id customer { id } askedBy } }');

    expect(answer).toEqual(expected);
    expect(answer.data).toEqual({
      rows: [
        { id: 'w-0', customer: { id: 'c-1' }, askedBy: 'Ada for w-0' },
        { id: 'w-1', customer: { id: 'c-2' }, askedBy: 'Ada for w-1' },
      ],
    });
    // Once for the query (through type-graphql) and once per field at its first value: three, not one per value.
    expect(askedDirectly).toBe(3);
    expect(askedViaTypeGraphql).toBeGreaterThanOrEqual(5);
  });

  it('makes a plain parent (a representation) an instance of its class first, as type-graphql does', async () => {
    const { expected, answer, askedDirectly } = await bothWays('{ plainRows { customer { id } askedBy } }');

    // `customer` calls a method only an instance has.
    expect(answer).toEqual(expected);
    expect(answer.data).toEqual({
      plainRows: [
        { customer: { id: 'c-1' }, askedBy: 'Ada for w-0' },
        { customer: { id: 'c-2' }, askedBy: 'Ada for w-1' },
      ],
    });
    expect(askedDirectly).toBe(3);
  });

  it('builds a schema whose resolvers cannot be made yet (printing the SDL needs no database)', async () => {
    const empty = new CountingContainer();
    await schemaWith(empty, true);
    expect(empty.asked).toBe(0);
  });

  it('leaves resolvers with arguments (validated) or middleware to type-graphql', async () => {
    const schema = await schemaWith(new CountingContainer(), true);
    const refused = await run(schema, '{ rows { lastNotes(count: 9) } }');
    expect(refused.errors?.[0]?.message).toBe('Argument Validation Error');
    const seen: string[] = [];
    const answer = await run(schema, '{ rows { lastNotes(count: 1) audited } }', seen);
    expect(answer.data).toEqual({
      rows: [
        { lastNotes: ['w-0 note 0'], audited: 'w-0' },
        { lastNotes: ['w-1 note 0'], audited: 'w-1' },
      ],
    });
    expect(seen).toEqual(['middleware', 'middleware']);
  });
});
