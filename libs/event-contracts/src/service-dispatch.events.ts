import { defineEvent } from './define-event';

export const WorkOrderTypes = [
  'INSTALL',
  'REPAIR',
  'CONSUMABLE_REPLACEMENT',
  'UNINSTALL',
  'SCHEDULED_SERVICE_VISIT',
  'SITE_SURVEY',
  'REWORK',
] as const;
export type WorkOrderType = (typeof WorkOrderTypes)[number];

export interface WorkOrderCreatedPayload {
  workOrderId: string;
  type: WorkOrderType;
  orderId: string | null;
  customerId: string;
  city: string;
  productModel: string | null;
  preferredDate: string | null;
}

export const WorkOrderCreated = defineEvent<WorkOrderCreatedPayload>()({
  type: 'WorkOrderCreated',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});
