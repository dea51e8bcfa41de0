import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { visibleTo } from '../work-orders/work-order-access';
import { WorkOrder } from '../work-orders/work-order.entity';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { Order } from './order.entity';

const BY_ORDER = Symbol('workOrdersByOrder');

@Resolver(() => Order)
export class OrderWorkOrdersResolver {
  constructor(private readonly workOrderService: WorkOrdersService) {}

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => [WorkOrder], { description: 'The work orders fulfilling this order, oldest first.' })
  async workOrders(@Root() order: Order, @Ctx() { identity, loaders }: RequestContext): Promise<WorkOrder[]> {
    const workOrders = await groupLoader<string, WorkOrder>(
      loaders,
      BY_ORDER,
      (orderIds) => this.workOrderService.findByOrderIds(orderIds),
      (wo) => wo.orderId as string,
    ).load(order.id);
    // Sales already refused other partners' orders; this keeps dispatch safe even if asked directly.
    return visibleTo(identity, workOrders);
  }
}
