import { SelfInstallRefundApproved, WorkOrderAssigned, WorkOrderCancelled, WorkOrderCompleted, WorkOrderVerified } from '@aftercare/event-contracts';
import { EventHandler, on } from '@aftercare/messaging';
import { FulfilmentService } from './fulfilment.service';

export function fulfilmentHandlers(fulfilment: FulfilmentService): EventHandler[] {
  return [
    on(WorkOrderAssigned, ({ payload }, manager) => fulfilment.advance(manager, payload.orderId, 'SCHEDULED')),
    // Only the installation itself installs the order; a repair or replacement on it does not.
    on(WorkOrderCompleted, ({ payload }, manager) =>
      payload.type === 'INSTALL' ? fulfilment.advance(manager, payload.orderId, 'INSTALLED') : Promise.resolve(),
    ),
    on(WorkOrderVerified, ({ payload }, manager) =>
      payload.type === 'INSTALL' ? fulfilment.advance(manager, payload.orderId, 'VERIFIED') : Promise.resolve(),
    ),
    on(WorkOrderCancelled, ({ payload }, manager) =>
      payload.type === 'INSTALL' ? fulfilment.advance(manager, payload.orderId, 'CANCELLED') : Promise.resolve(),
    ),
    on(SelfInstallRefundApproved, ({ payload }, manager) => fulfilment.recordRefund(manager, payload)),
  ];
}
