import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { byIdLoader, notFound, RequestContext } from '@aftercare/subgraph';
import { WorkOrder } from './work-order.entity';
import { WorkOrdersService } from './work-orders.service';

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  constructor(private readonly workOrders: WorkOrdersService) {}

  @Authorized('DISPATCHER', 'SUPERVISOR', 'ADMIN')
  @Query(() => WorkOrder)
  async workOrder(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<WorkOrder> {
    const workOrder = await byIdLoader(context, WorkOrder, (ids) => this.workOrders.findByIds(ids)).load(id);
    if (!workOrder) throw notFound('WorkOrder', id);
    return workOrder;
  }
}
