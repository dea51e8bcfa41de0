import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Engineer } from '../engineers/engineer.entity';

import { WorkOrderBoardService } from '../work-orders/work-order-board.service';
import { Customer } from './customer.entity';

const SERVED_BY = Symbol('engineersWhoServed');

@Resolver(() => Customer)
export class CustomerEngineersResolver {
  constructor(private readonly board: WorkOrderBoardService) {}

  @Guarded()
  @FieldResolver(() => [Engineer], {
    description: "The engineers who completed the customer's work orders, most recent first (profiles from engineer-network).",
  })
  async engineersWhoServed(@Root() customer: Customer, @Ctx() { loaders }: RequestContext): Promise<Engineer[]> {
    const served = await groupLoader(
      loaders,
      SERVED_BY,
      (ids: readonly string[]) => this.board.engineersWhoServed(ids),
      (row) => row.customerId,
    ).load(customer.id);
    return served.map((row) => ({ id: row.engineerId }));
  }
}
