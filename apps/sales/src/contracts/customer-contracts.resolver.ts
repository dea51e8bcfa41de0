import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { Contract } from './contract.entity';
import { ContractsService } from './contracts.service';

@Resolver(() => Customer)
export class CustomerContractsResolver {
  constructor(private readonly contractsService: ContractsService) {}

  @Guarded()
  @FieldResolver(() => [Contract], { description: "The customer's service contracts, oldest first." })
  contracts(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Contract[]> {
    return groupLoader(
      context.loaders,
      Contract,
      (ids: readonly string[]) => this.contractsService.findByCustomerIds(ids),
      (row) => row.customerId,
    ).load(customer.id);
  }
}
