import type { WorkOrderFacts } from '@aftercare/event-contracts';
import type { WorkOrder } from './work-order.entity';

/** What every work-order event repeats, so its consumers need no copy of our work orders. */
export function factsOf(workOrder: WorkOrder): WorkOrderFacts {
  return {
    workOrderId: workOrder.id,
    type: workOrder.type,
    orderId: workOrder.orderId,
    contractId: workOrder.contractId,
    customerId: workOrder.customerId,
    city: workOrder.city,
    brand: workOrder.brand,
    productModel: workOrder.productModel,
  };
}
