import { Lifecycle } from '@aftercare/subgraph';
import type { WorkOrderStatus } from './work-order.entity';

/** The moves the business allows; anything else is refused with INVALID_STATE_TRANSITION. */
export const WorkOrderMoves = {
  schedule: { from: ['CREATED'], to: 'SCHEDULED' },
  // Customers change appointments, or refuse at the door: back to a new appointment, engineer released.
  reschedule: { from: ['SCHEDULED', 'ASSIGNED', 'IN_PROGRESS'], to: 'SCHEDULED' },
  assign: { from: ['SCHEDULED'], to: 'ASSIGNED' },
  reassign: { from: ['ASSIGNED'], to: 'ASSIGNED' },
  start: { from: ['ASSIGNED'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  verify: { from: ['COMPLETED'], to: 'VERIFIED' },
  // A return visit found a problem or a payment dispute: the engineer goes back.
  reopen: { from: ['COMPLETED'], to: 'ASSIGNED' },
  cancel: { from: ['CREATED', 'SCHEDULED', 'ASSIGNED', 'IN_PROGRESS'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }>;

export type WorkOrderMove = keyof typeof WorkOrderMoves;

/** The refusal names where the work order stands and what the move would have needed. */
export const workOrderLifecycle = new Lifecycle<WorkOrderStatus, WorkOrderMove>(WorkOrderMoves, ({ id, status }, move, allowedFrom) => ({
  message: `Work order ${id} is ${status}; it cannot ${move}`,
  details: { workOrderId: id, move, allowedFrom },
}));

export function canMove(status: WorkOrderStatus, move: WorkOrderMove): boolean {
  return workOrderLifecycle.canMove(status, move);
}

/** The status after `move`, or INVALID_STATE_TRANSITION naming where the work order stands and what would be needed. */
export function nextStatus(workOrderId: string, status: WorkOrderStatus, move: WorkOrderMove): WorkOrderStatus {
  return workOrderLifecycle.next({ id: workOrderId, status }, move);
}
