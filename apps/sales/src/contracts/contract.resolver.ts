import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, notFound, RequestContext } from '@aftercare/subgraph';
import { inScope } from '../customers/customer-access';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { Contract } from './contract.entity';
import { ApprovePromiseInput, CreateContractInput, ReviewContractInput } from './contract.inputs';
import { ContractsService } from './contracts.service';
import { PromiseApproval } from './promise-approval.entity';
import { PROMISE_APPROVERS, SALES_TEAM, SUPERVISORS } from '../roles';

@Resolver(() => Contract)
export class ContractResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly customers: CustomersService,
  ) {}

  @Authorized(...SALES_TEAM)
  @Mutation(() => Contract, {
    description: 'Drafts a service contract for review. Refused with PRICE_BELOW_FLOOR, FREE_BUNDLED_ITEM, NO_REFERENCE_PRICE, NO_PROMISE_TEMPLATE or PROMISE_EXCEEDS_TEMPLATE.',
  })
  createContract(@Arg('input', () => CreateContractInput) input: CreateContractInput, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.create(identity, input);
  }

  @Authorized(...PROMISE_APPROVERS)
  @Mutation(() => PromiseApproval, { description: 'Records a supervisor’s approval to promise one customer more than the template.' })
  approvePromise(@Arg('input', () => ApprovePromiseInput) input: ApprovePromiseInput, @Ctx() { identity }: RequestContext): Promise<PromiseApproval> {
    return this.contracts.approvePromise(identity, input);
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => Contract, { description: 'Archive review: approve (the contract becomes active) or reject with findings.' })
  reviewContract(@Arg('input', () => ReviewContractInput) input: ReviewContractInput, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.review(identity, input);
  }

  @Authorized(...SALES_TEAM)
  @Query(() => Contract)
  contract(@Arg('id', () => ID) id: string, @Ctx() { identity }: RequestContext): Promise<Contract> {
    return this.contracts.getVisible(identity, id);
  }

  @FieldResolver(() => Customer)
  async customer(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<Customer | null> {
    const customer = await byIdLoader(context, Customer, (ids) => this.customers.findByIds(ids)).load(contract.customerId);
    if (!customer || !inScope(await this.customers.readableScope(context.identity), customer)) throw notFound('Customer', contract.customerId);
    return customer;
  }
}
