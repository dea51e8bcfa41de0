import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded } from '@aftercare/subgraph';
import { Salesperson } from './salesperson.entity';
import { DepartSalespersonInput, Handover, RegisterSalespersonInput } from './salesperson.inputs';
import { SalespeopleService } from './salespeople.service';

@Resolver(() => Salesperson)
export class SalespersonResolver {
  constructor(private readonly salespeople: SalespeopleService) {}

  @Guarded()
  @Mutation(() => Salesperson, {
    description:
      'Adds a salesperson for a staff user (`staffUserId`, their token `sub`; the new id when left out). STAFF_USER_TAKEN when that user already is one.',
  })
  registerSalesperson(@Arg('input', () => RegisterSalespersonInput) input: RegisterSalespersonInput): Promise<Salesperson> {
    return this.salespeople.register(input);
  }

  @Guarded()
  @Mutation(() => Handover, { description: 'A salesperson leaves: all of their customers go to the successors in one step.' })
  departSalesperson(@Arg('input', () => DepartSalespersonInput) input: DepartSalespersonInput): Promise<Handover> {
    return this.salespeople.depart(input);
  }

  @Guarded()
  @Query(() => Salesperson, { nullable: true })
  async salesperson(@Arg('id', () => ID) id: string): Promise<Salesperson | null> {
    const [found] = await this.salespeople.findByIds([id]);
    return found ?? null;
  }
}
