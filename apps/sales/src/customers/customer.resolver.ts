import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Salesperson } from '../salespeople/salesperson.entity';
import { SalespeopleService } from '../salespeople/salespeople.service';
import { Customer } from './customer.entity';
import { ChangeProspectGradeInput, CreateCustomerInput, CustomerConnection, CustomerProfileInput, CustomerSearchArgs } from './customer.inputs';
import { CustomersService } from './customers.service';
import { GradeChange } from './grade-change.entity';

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly cards: CustomersService,
    private readonly salespeople: SalespeopleService,
  ) {}

  @Guarded()
  @Mutation(() => Customer, { description: 'Opens a customer card; a SALES caller becomes its owner.' })
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.create(identity, input);
  }

  @Guarded()
  @Mutation(() => Customer, { description: 'Keeps a card current; only the fields given change.' })
  updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CustomerProfileInput) input: CustomerProfileInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Customer> {
    return this.cards.update(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Customer, { description: 'Changes the prospect grade; who, when and why go into its history.' })
  changeProspectGrade(@Arg('input', () => ChangeProspectGradeInput) input: ChangeProspectGradeInput, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.changeGrade(identity, input);
  }

  @Guarded()
  @Query(() => Customer, {
    description:
      'One card, the start of the customer 360, for every staff role that serves the customer; a SALES person finds only their own. CRM fields are for office staff, not engineers.',
  })
  customer(@Arg('id', () => ID) id: string, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.getReachable(identity, id);
  }

  @Guarded()
  @Query(() => CustomerConnection, {
    description: 'Cards by name or phone, grade, region, business type, owner or key flag, newest first; a SALES person sees only their own.',
  })
  customers(@Args(() => CustomerSearchArgs) args: CustomerSearchArgs, @Ctx() { identity }: RequestContext): Promise<CustomerConnection> {
    return this.cards.search(identity, args);
  }

  @Guarded()
  @FieldResolver(() => Salesperson, { nullable: true, description: 'The salesperson who owns the card.' })
  async owner(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Salesperson | null> {
    if (!customer.ownerId) return null;
    return byIdLoader(context, Salesperson, (ids) => this.salespeople.findByIds(ids)).load(customer.ownerId);
  }

  @Guarded()
  @FieldResolver(() => [GradeChange], { description: 'Every grade the card has had, oldest first.' })
  gradeHistory(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<GradeChange[]> {
    return groupLoader(
      context.loaders,
      GradeChange,
      (ids: readonly string[]) => this.cards.gradeHistories(ids),
      (row) => row.customerId,
    ).load(customer.id);
  }
}
