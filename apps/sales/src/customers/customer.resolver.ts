import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, groupLoader, RequestContext } from '@aftercare/subgraph';
import { Salesperson } from '../salespeople/salesperson.entity';
import { SalespeopleService } from '../salespeople/salespeople.service';
import { Customer } from './customer.entity';
import { CUSTOMER_360_READERS } from './customer-readers';
import { ChangeProspectGradeInput, CreateCustomerInput, CustomerConnection, CustomerProfileInput, CustomerSearchArgs } from './customer.inputs';
import { CustomersService } from './customers.service';
import { GradeChange } from './grade-change.entity';

const CARD_KEEPERS = ['SALES', 'SUPERVISOR', 'ADMIN'];

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly cards: CustomersService,
    private readonly salespeople: SalespeopleService,
  ) {}

  @Authorized(...CARD_KEEPERS)
  @Mutation(() => Customer, { description: 'Opens a customer card; a SALES caller becomes its owner.' })
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.create(identity, input);
  }

  @Authorized(...CARD_KEEPERS)
  @Mutation(() => Customer, { description: 'Keeps a card current; only the fields given change.' })
  updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CustomerProfileInput) input: CustomerProfileInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Customer> {
    return this.cards.update(identity, id, input);
  }

  @Authorized(...CARD_KEEPERS)
  @Mutation(() => Customer, { description: 'Changes the prospect grade; who, when and why go into its history.' })
  changeProspectGrade(@Arg('input', () => ChangeProspectGradeInput) input: ChangeProspectGradeInput, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.changeGrade(identity, input);
  }

  @Authorized(...CARD_KEEPERS)
  @Query(() => Customer, { description: "One card; a SALES person finds only their own." })
  customer(@Arg('id', () => ID) id: string, @Ctx() { identity }: RequestContext): Promise<Customer> {
    return this.cards.getVisible(identity, id);
  }

  @Authorized(...CARD_KEEPERS)
  @Query(() => CustomerConnection, { description: 'Cards by grade, region, business type, owner or key flag, newest first.' })
  customers(@Args(() => CustomerSearchArgs) args: CustomerSearchArgs, @Ctx() { identity }: RequestContext): Promise<CustomerConnection> {
    return this.cards.search(identity, args);
  }

  @Authorized(...CUSTOMER_360_READERS)
  @FieldResolver(() => Salesperson, { nullable: true, description: 'The salesperson who owns the card.' })
  async owner(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Salesperson | null> {
    if (!customer.ownerId) return null;
    return byIdLoader(context, Salesperson, (ids) => this.salespeople.findByIds(ids)).load(customer.ownerId);
  }

  @Authorized(...CUSTOMER_360_READERS)
  @FieldResolver(() => [GradeChange], { description: 'Every grade the card has had, oldest first.' })
  gradeHistory(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<GradeChange[]> {
    return groupLoader(context.loaders, GradeChange, (ids: readonly string[]) => this.cards.gradeHistories(ids), (row) => row.customerId).load(customer.id);
  }
}
