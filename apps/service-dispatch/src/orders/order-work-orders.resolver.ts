import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, narrowedGroupLoader, RequestContext } from '@aftercare/subgraph';
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
  async workOrders(@Root() order: Order, @Ctx() { identity, loaders }: RequestContext, @Info() info: GraphQLResolveInfo): Promise<WorkOrder[]> {
    // Only the columns the asked fields read, in a loader of their own per set of fields.
    const workOrders = await narrowedGroupLoader<string, WorkOrder>(
      loaders,
      BY_ORDER,
      info,
      (orderIds, fields) => this.workOrderService.findByOrderIds(orderIds, fields),
      (wo) => wo.orderId as string,
    ).load(order.id);
    // Sales already refused other partners' orders; this keeps dispatch safe even if asked directly.
    return visibleTo(identity, workOrders);
  }
}
