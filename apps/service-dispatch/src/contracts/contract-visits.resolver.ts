import { actorOf } from '@aftercare/identity';
import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { badInput, Guarded, RequestContext } from '@aftercare/subgraph';
import { ContractVisitsService } from './contract-visits.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Resolver()
export class ContractVisitsResolver {
  constructor(private readonly contractVisits: ContractVisitsService) {}

  @Guarded()
  @Mutation(() => Int, { description: "Plans the month's scheduled service visits of every contract (month YYYY-MM); returns how many were added." })
  planContractVisits(@Arg('month') month: string, @Ctx() { identity }: RequestContext): Promise<number> {
    if (!MONTH.test(month)) throw badInput('month must be YYYY-MM', 'month');
    return this.contractVisits.planMonth(month, actorOf(identity).id);
  }
}
