import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, Guarded, notFound, RequestContext } from '@aftercare/subgraph';
import { inScope } from '../customers/customer-access';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { Contract } from './contract.entity';
import { ApprovePromiseInput, CreateContractInput, ReviewContractInput } from './contract.inputs';
import { ContractsService } from './contracts.service';
import { PromiseApproval } from './promise-approval.entity';

@Resolver(() => Contract)
export class ContractResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly customers: CustomersService,
  ) {}

  @Guarded()
  @Mutation(() => Contract, {
    description:
      'Drafts a service contract for review. Refused with PRICE_BELOW_FLOOR, FREE_BUNDLED_ITEM, NO_REFERENCE_PRICE, NO_PROMISE_TEMPLATE or PROMISE_EXCEEDS_TEMPLATE.',
  })
  createContract(@Arg('input', () => CreateContractInput) input: CreateContractInput, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.create(identity, input);
  }

  @Guarded()
  @Mutation(() => PromiseApproval, { description: 'Records a supervisor’s approval to promise one customer more than the template.' })
  approvePromise(@Arg('input', () => ApprovePromiseInput) input: ApprovePromiseInput, @Ctx() { identity }: RequestContext): Promise<PromiseApproval> {
    return this.contracts.approvePromise(identity, input);
  }

  @Guarded()
  @Mutation(() => Contract, { description: 'Archive review: approve (the contract becomes active) or reject with findings.' })
  reviewContract(@Arg('input', () => ReviewContractInput) input: ReviewContractInput, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.review(identity, input);
  }

  @Guarded()
  @Query(() => Contract)
  contract(@Arg('id', () => ID) id: string, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.getVisible(identity, id);
  }

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => Customer)
  async customer(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<Customer | null> {
    const customer = await byIdLoader(context, Customer, (ids) => this.customers.findByIds(ids)).load(contract.customerId);
    if (!customer || !inScope(await this.customers.readableScope(context.identity), customer)) throw notFound('Customer', contract.customerId);
    return customer;
  }
}
