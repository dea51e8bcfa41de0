import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { WorkOrder } from './work-order.entity';
import { WorkOrdersService } from './work-orders.service';

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  constructor(private readonly workOrders: WorkOrdersService) {}

  @Authorized('DISPATCHER', 'SUPERVISOR', 'ADMIN')
  @Query(() => WorkOrder)
  workOrder(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<WorkOrder> {
    return loadOrNotFound(context, WorkOrder, 'WorkOrder', id, (ids) => this.workOrders.findByIds(ids));
  }
}
