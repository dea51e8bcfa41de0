import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Contract } from './contract.entity';
import { ContractConnection, ContractSearchArgs } from './contract-list.inputs';
import { ContractListService } from './contract-list.service';

@Resolver(() => Contract)
export class ContractListResolver {
  constructor(private readonly contractList: ContractListService) {}

  @Guarded()
  @Query(() => ContractConnection, {
    description:
      'Contracts by status (awaitingReview: the review queue), customer, special or disputed, oldest first; a SALES person sees only their own cards’ contracts.',
  })
  contracts(@Args(() => ContractSearchArgs) args: ContractSearchArgs, @Ctx() { identity }: RequestContext): Promise<ContractConnection> {
    return this.contractList.search(identity, args);
  }
}
