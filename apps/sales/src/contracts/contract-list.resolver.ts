import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '@aftercare/subgraph';
import { Contract } from './contract.entity';
import { ContractConnection, ContractSearchArgs } from './contract-list.inputs';
import { ContractListService } from './contract-list.service';
import { SALES_TEAM } from '../roles';

@Resolver(() => Contract)
export class ContractListResolver {
  constructor(private readonly contractList: ContractListService) {}

  @Authorized(...SALES_TEAM)
  @Query(() => ContractConnection, {
    description: 'Contracts by status (awaitingReview: the review queue), customer, special or disputed, oldest first; a SALES person sees only their own cards’ contracts.',
  })
  contracts(@Args(() => ContractSearchArgs) args: ContractSearchArgs, @Ctx() { identity }: RequestContext): Promise<ContractConnection> {
    return this.contractList.search(identity, args);
  }
}
