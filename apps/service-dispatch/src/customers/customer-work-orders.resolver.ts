import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { visibleTo } from '../work-orders/work-order-access';
import { WorkOrder } from '../work-orders/work-order.entity';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { Customer } from './customer.entity';

const BY_CUSTOMER = Symbol('workOrdersByCustomer');

@Resolver(() => Customer)
export class CustomerWorkOrdersResolver {
  constructor(private readonly workOrderService: WorkOrdersService) {}

  @Guarded()
  @FieldResolver(() => [WorkOrder], { description: "The customer's work orders, oldest first (an engineer sees only their own)." })
  async workOrders(@Root() customer: Customer, @Ctx() { identity, loaders }: RequestContext): Promise<WorkOrder[]> {
    const workOrders = await groupLoader<string, WorkOrder>(
      loaders,
      BY_CUSTOMER,
      (customerIds) => this.workOrderService.findByCustomerIds(customerIds),
      (workOrder) => workOrder.customerId,
    ).load(customer.id);
    return visibleTo(identity, workOrders);
  }
}
