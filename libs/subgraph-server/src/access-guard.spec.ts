import 'reflect-metadata';
import { graphql, GraphQLSchema } from 'graphql';
import { buildSchema, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Identity, StaffRole } from '@aftercare/identity';
import { AccessTable, accessTableGaps, AUTHENTICATED, defineAccessTable, Guarded } from '@aftercare/subgraph';
import { guardFields } from './access-guard';
import { createRequestContext } from './request-context';

@ObjectType()
class Card {
  @Field()
  name!: string;

  @Guarded()
  @Field()
  grade!: string;
}

@Resolver(() => Card)
class CardResolver {
  @Guarded()
  @Query(() => Card)
  card(): Card {
    return { name: 'Li', grade: 'A' };
  }

  @Guarded()
  @Query(() => String)
  secret(): string {
    return 'hidden';
  }

  @Guarded()
  @FieldResolver(() => String, { nullable: true })
  owner(@Root() card: Card): string {
    return `owner of ${card.name}`;
  }
}

const staff = (...roles: StaffRole[]): Identity => ({ kind: 'staff', userId: 'u1', name: 'U', roles });

const table = defineAccessTable({
  service: 'test',
  Query: { card: [AUTHENTICATED], secret: ['ADMIN'] },
  Mutation: {},
  fields: { 'Card.grade': ['SALES', 'ADMIN'], 'Card.owner': ['ADMIN'] },
});

async function schemaWith(access: AccessTable): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [CardResolver], skipCheck: true, validate: false });
  guardFields(schema, access);
  return schema;
}

async function run(schema: GraphQLSchema, identity: Identity, source: string) {
  return graphql({ schema, source, contextValue: createRequestContext(identity, 'r1') });
}

describe('access table as the only place a permission is written', () => {
  it('admits by the rule of <parent type>.<field> and refuses others with FORBIDDEN and the required roles', async () => {
    const schema = await schemaWith(table);
    const sales = await run(schema, staff('SALES'), '{ card { name grade owner } }');
    expect(sales.data).toEqual({ card: { name: 'Li', grade: 'A', owner: null } });
    expect(sales.errors?.map((error) => [error.path?.join('.'), error.extensions.code, error.extensions.requiredRoles])).toEqual([
      ['card.owner', 'FORBIDDEN', ['ADMIN']],
    ]);
    const admin = await run(schema, staff('ADMIN'), '{ card { grade owner } secret }');
    expect(admin.errors).toBeUndefined();
    const engineer = await run(schema, staff('ENGINEER'), '{ secret }');
    expect(engineer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['ADMIN'] });
  });

  it('refuses anonymous callers with UNAUTHENTICATED, also on AUTHENTICATED rules', async () => {
    const result = await run(await schemaWith(table), { kind: 'anonymous' }, '{ card { name } }');
    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('fails closed on a guarded field without a rule', async () => {
    const withoutOwner = { ...table, fields: { 'Card.grade': ['ADMIN'] } } as AccessTable;
    const result = await run(await schemaWith(withoutOwner), staff('ADMIN'), '{ card { owner } }');
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toContain('Card.owner has no rule');
  });

  it('names every disagreement between the schema and the table before the service starts', async () => {
    expect(accessTableGaps(await schemaWith(table), table)).toEqual([]);
    const drifted = defineAccessTable({ service: 'test', Query: { card: [AUTHENTICATED], gone: ['ADMIN'] }, Mutation: {}, fields: { 'Card.name': ['ADMIN'] } });
    expect(accessTableGaps(await schemaWith(drifted), drifted).sort()).toEqual([
      'Card.grade is guarded but has no rule in the access table',
      'Card.name has a rule in the access table but is not a @Guarded() field of test',
      'Card.owner is guarded but has no rule in the access table',
      'Query.gone has a rule in the access table but is not a @Guarded() field of test',
      'Query.secret is guarded but has no rule in the access table',
    ]);
  });
});

@Resolver()
class OpenResolver {
  @Query(() => String)
  open(): string {
    return 'anyone';
  }
}

it('names a Query or Mutation field that is not guarded at all', async () => {
  const open = defineAccessTable({ service: 'test', Query: {}, Mutation: {} });
  const schema = await buildSchema({ resolvers: [OpenResolver], skipCheck: true, validate: false });
  expect(accessTableGaps(schema, open)).toEqual(['Query.open is not guarded (mark it @Guarded() and give it a rule)']);
});
