import { randomUUID } from 'node:crypto';
import { ComplaintFiled, ComplaintFiledPayload } from '@aftercare/event-contracts';

/**
 * A ComplaintFiled as complaints publishes it: a service complaint about the customer, filed now, with no order,
 * work order or liability unless the test says otherwise.
 */
export function complaintFiled(customerId: string, overrides: Partial<ComplaintFiledPayload> = {}) {
  const complaintId = overrides.complaintId ?? randomUUID();
  return ComplaintFiled.create(complaintId, {
    complaintId,
    category: 'SERVICE',
    customerId,
    orderId: null,
    workOrderId: null,
    involvesLiability: false,
    receivedAt: new Date().toISOString(),
    opinionDueAt: null,
    ...overrides,
  });
}
