import { defineEvent } from './define-event';

export const WorkOrderTypes = ['INSTALL', 'REPAIR', 'CONSUMABLE_REPLACEMENT', 'UNINSTALL', 'SCHEDULED_SERVICE_VISIT', 'SITE_SURVEY', 'REWORK'] as const;
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

/** What every later work-order event repeats, so consumers need no read model of work orders. */
export interface WorkOrderFacts {
  workOrderId: string;
  type: WorkOrderType;
  orderId: string | null;
  contractId: string | null;
  customerId: string;
  city: string;
  brand: string | null;
  productModel: string | null;
}

export interface WorkOrderAssignedPayload extends WorkOrderFacts {
  engineerId: string;
  /** ISO date of the appointment. */
  appointmentDate: string;
  /** True when a dispatcher overrode the automatic choice. */
  manual: boolean;
}

export const WorkOrderAssigned = defineEvent<WorkOrderAssignedPayload>()({
  type: 'WorkOrderAssigned',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

export const UnassignableReasons = ['NO_SUITABLE_ENGINEER', 'BEYOND_SERVICE_RADIUS'] as const;
export type UnassignableReason = (typeof UnassignableReasons)[number];

export interface WorkOrderUnassignablePayload extends WorkOrderFacts {
  reason: UnassignableReason;
  appointmentDate: string | null;
}

/** Nobody suitable: engineer-network opens a backup task. */
export const WorkOrderUnassignable = defineEvent<WorkOrderUnassignablePayload>()({
  type: 'WorkOrderUnassignable',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

export interface WorkOrderCompletedPayload extends WorkOrderFacts {
  engineerId: string;
  completedAt: string;
  /** Measured on site (PCO), square metres; null when not measured. */
  measuredAreaM2: number | null;
  paymentCollectedCents: number;
  paymentRefused: boolean;
  /** The machine worked on: the serial installed (install) or the one the job was ordered for. Optional: absent before this field existed. */
  serial?: string | null;
  /** Where the machine stands; value-added keeps it with the installed device. */
  siteAddress?: string;
  /** Consumable stages actually replaced (often fewer than ordered). */
  replacedStages?: string[];
  /** The customer turned the engineer away at the door: nothing was done and nothing is owed. */
  refusedAtDoor?: boolean;
  /** Consumable stages the work order was ordered for; with `replacedStages`, what the customer refused on site. Optional: absent before this field existed. */
  orderedStages?: string[];
  /** Fen the customer owed for the job as ordered (a paid consumable replacement); null when nothing was to be collected. */
  amountDueCents?: number | null;
}

export const WorkOrderCompleted = defineEvent<WorkOrderCompletedPayload>()({
  type: 'WorkOrderCompleted',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

/** The return visit confirmed the job: this is what releases the engineer's pay. */
export interface WorkOrderVerifiedPayload extends WorkOrderFacts {
  engineerId: string;
  verifiedAt: string;
  /** Road distance to the site, for the tariff's distance band; null when unknown. */
  distanceKm: number | null;
  /** Fen the customer owed for the job as ordered; null when nothing was to be collected (or before this field existed). */
  amountDueCents?: number | null;
  /** Fen the engineer collected on site, as recorded at completion. */
  amountCollectedCents?: number | null;
}

export const WorkOrderVerified = defineEvent<WorkOrderVerifiedPayload>()({
  type: 'WorkOrderVerified',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

export interface WorkOrderCancelledPayload extends WorkOrderFacts {
  reason: string;
}

export const WorkOrderCancelled = defineEvent<WorkOrderCancelledPayload>()({
  type: 'WorkOrderCancelled',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

/** The site is beyond the service radius and the customer accepted installing it themselves. */
export interface SelfInstallAcceptedPayload extends WorkOrderFacts {
  installFeeCents: number;
  distanceKm: number;
}

export const SelfInstallAccepted = defineEvent<SelfInstallAcceptedPayload>()({
  type: 'SelfInstallAccepted',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

/** The area measured on a contract site; sales compares it with the signed area and its tolerance. */
export interface AreaMeasuredPayload {
  workOrderId: string;
  contractId: string;
  customerId: string;
  measuredAreaM2: number;
}

export const AreaMeasured = defineEvent<AreaMeasuredPayload>()({
  type: 'AreaMeasured',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

export interface EvaluationSubmittedPayload {
  workOrderId: string;
  customerId: string;
  engineerId: string;
  /** 1–5. */
  score: number;
  submittedAt: string;
}

export const EvaluationSubmitted = defineEvent<EvaluationSubmittedPayload>()({
  type: 'EvaluationSubmitted',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});

/** The customer's quality factor after a change, for sales' value index and churn attribution. */
export interface CustomerQualityChangedPayload {
  customerId: string;
  /** 0–100. */
  qualityFactor: number;
  completedJobs: number;
  complaints: number;
  /** Set when the underlying data looks too good to be true (e.g. a long perfect record). */
  doubtful: boolean;
}

export const CustomerQualityChanged = defineEvent<CustomerQualityChangedPayload>()({
  type: 'CustomerQualityChanged',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'Customer',
});

/** A new appointment; an engineer who had the job is released from it (their capacity that day is free again). */
export interface WorkOrderRescheduledPayload extends WorkOrderFacts {
  /** ISO date of the new appointment. */
  appointmentDate: string;
  releasedEngineerId: string | null;
  reason: string;
}

export const WorkOrderRescheduled = defineEvent<WorkOrderRescheduledPayload>()({
  type: 'WorkOrderRescheduled',
  version: 1,
  source: 'service-dispatch',
  aggregateType: 'WorkOrder',
});
