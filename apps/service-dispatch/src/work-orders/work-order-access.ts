import type { Identity } from '@aftercare/identity';
import { hasAnyRole } from '@aftercare/identity';
import { notFound } from '@aftercare/subgraph';
import type { WorkOrder } from './work-order.entity';
import { WORK_ORDER_MANAGERS } from '../access-table';

/**
 * Row rule: managers and back-office readers see everything; an engineer only the work orders assigned to
 * them (their token's sub is their Engineer id); a partner only work orders on its own orders.
 */
export function maySee(identity: Identity, workOrder: WorkOrder): boolean {
  if (identity.kind === 'partner') return workOrder.partnerId === identity.partnerId;
  if (identity.kind !== 'staff') return identity.kind === 'system';
  if (hasAnyRole(identity, ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'])) return true;
  return hasAnyRole(identity, ['ENGINEER']) && workOrder.engineerId === identity.userId;
}

export function visibleTo(identity: Identity, workOrders: WorkOrder[]): WorkOrder[] {
  return workOrders.filter((workOrder) => maySee(identity, workOrder));
}

/** Managers act on any work order; an engineer only on their own. Another's work order does not exist for them. */
export function assertMayAct(identity: Identity, workOrder: WorkOrder): void {
  if (hasAnyRole(identity, WORK_ORDER_MANAGERS)) return;
  if (identity.kind === 'staff' && hasAnyRole(identity, ['ENGINEER']) && workOrder.engineerId === identity.userId) return;
  throw notFound('WorkOrder', workOrder.id);
}
