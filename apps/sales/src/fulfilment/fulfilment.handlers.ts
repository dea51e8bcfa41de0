import {
  ReplacementOrdered,
  SelfInstallRefundApproved,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderCompleted,
  WorkOrderType,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import { EventHandler, on } from '@aftercare/messaging';
import { FulfilmentService } from './fulfilment.service';

/**
 * The work orders that fulfil an order: its install, or for a value-added order the consumable replacement
 * (whose orderId is that order's id). A repair or a replacement on an installed order does not move it.
 */
const fulfils = (type: WorkOrderType) => type === 'INSTALL' || type === 'CONSUMABLE_REPLACEMENT';

export function fulfilmentHandlers(fulfilment: FulfilmentService): EventHandler[] {
  return [
    on(WorkOrderAssigned, ({ payload }, manager) => fulfilment.advance(manager, payload.orderId, 'SCHEDULED')),
    // Only the installation itself installs the order; a repair or replacement on it does not.
    on(WorkOrderCompleted, ({ payload }, manager) =>
      // A customer who turned the engineer away at the door bought nothing after all.
      fulfils(payload.type) ? fulfilment.advance(manager, payload.orderId, payload.refusedAtDoor ? 'CANCELLED' : 'INSTALLED') : Promise.resolve(),
    ),
    on(WorkOrderVerified, ({ payload }, manager) => (fulfils(payload.type) ? fulfilment.advance(manager, payload.orderId, 'VERIFIED') : Promise.resolve())),
    on(WorkOrderCancelled, ({ payload }, manager) => (fulfils(payload.type) ? fulfilment.advance(manager, payload.orderId, 'CANCELLED') : Promise.resolve())),
    on(ReplacementOrdered, ({ payload }, manager) => fulfilment.recordValueAddedOrder(payload, manager)),
    on(SelfInstallRefundApproved, ({ payload }, manager) => fulfilment.recordRefund(payload, manager)),
  ];
}
