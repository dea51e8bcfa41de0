import {
  ComplaintFiled,
  CustomerQualityChanged,
  EvaluationSubmitted,
  ReplacementOrdered,
  WorkOrderCompleted,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import { EventHandler, on } from '@aftercare/messaging';
import { ValueIndexService } from './value-index.service';

/** What other services report about a customer, turned into the facts the value index is computed from. */
export function valueIndexHandlers(valueIndex: ValueIndexService): EventHandler[] {
  return [
    on(ComplaintFiled, ({ payload }, manager) =>
      valueIndex.recordFact(manager, { customerId: payload.customerId, kind: 'COMPLAINT', subjectId: payload.complaintId, occurredAt: payload.receivedAt }),
    ),
    on(WorkOrderCompleted, ({ payload }, manager) =>
      valueIndex.recordFact(manager, {
        customerId: payload.customerId,
        kind: 'JOB_COMPLETED',
        subjectId: payload.workOrderId,
        amountCents: payload.paymentCollectedCents,
        score: payload.paymentRefused ? 1 : 0,
        occurredAt: payload.completedAt,
      }),
    ),
    on(WorkOrderVerified, ({ payload }, manager) =>
      valueIndex.recordFact(manager, { customerId: payload.customerId, kind: 'JOB_VERIFIED', subjectId: payload.workOrderId, occurredAt: payload.verifiedAt }),
    ),
    on(ReplacementOrdered, ({ payload, occurredAt }, manager) =>
      valueIndex.recordFact(manager, {
        customerId: payload.customerId,
        kind: 'REPLACEMENT',
        subjectId: payload.replacementOrderId,
        amountCents: payload.amountCents,
        occurredAt,
      }),
    ),
    on(EvaluationSubmitted, ({ payload }, manager) =>
      valueIndex.recordFact(manager, {
        customerId: payload.customerId,
        kind: 'EVALUATION',
        subjectId: payload.workOrderId,
        score: payload.score,
        occurredAt: payload.submittedAt,
      }),
    ),
    on(CustomerQualityChanged, ({ payload }, manager) => valueIndex.recordQuality(manager, payload.customerId, payload.qualityFactor, payload.doubtful)),
  ];
}
