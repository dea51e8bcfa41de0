import { defineEvent } from './define-event';

export interface ConsumablePlanDefinedPayload {
  planId: string;
  productModel: string;
  brand: string;
  stages: {
    name: string;
    intervalMonths: number;
    /** CNY fen. */
    priceCents: number;
  }[];
}

export const ConsumablePlanDefined = defineEvent<ConsumablePlanDefinedPayload>()({
  type: 'ConsumablePlanDefined',
  version: 1,
  source: 'value-added',
  aggregateType: 'ConsumablePlan',
});

/**
 * A customer ordered consumables: sales records a value-added order (its id is `replacementOrderId`) and
 * dispatch creates the replacement work order, whose `orderId` is that same id, so what happens on site
 * (WorkOrderCompleted / WorkOrderCancelled) finds its way back to the order.
 */
export interface ReplacementOrderedPayload {
  replacementOrderId: string;
  customerId: string;
  brand: string;
  productModel: string;
  stages: string[];
  city: string;
  address: string;
  preferredDate: string | null;
  amountCents: number;
  /** The installed device the stages belong to. Optional: absent in events written before it existed. */
  deviceId?: string;
  serial?: string;
  /** Price of each ordered stage, fen; sums to `amountCents`. */
  stagePrices?: { name: string; priceCents: number }[];
  /** The agent who took the order (a staff user id). */
  agentId?: string;
}

export const ReplacementOrdered = defineEvent<ReplacementOrderedPayload>()({
  type: 'ReplacementOrdered',
  version: 1,
  source: 'value-added',
  aggregateType: 'ReplacementOrder',
});

export const CallTaskKinds = ['REMINDER', 'FOLLOW_UP'] as const;
export type CallTaskKind = (typeof CallTaskKinds)[number];

export const AgentTiers = ['REMINDER', 'SALES'] as const;
export type AgentTier = (typeof AgentTiers)[number];

/** The daily run found a device's consumables due and opened a call task for it. */
export interface ReminderDuePayload {
  taskId: string;
  customerId: string;
  deviceId: string;
  serial: string;
  brand: string;
  productModel: string;
  /** The stages due on or before `dueOn`. */
  stages: string[];
  /** ISO date the reminder fell due. */
  dueOn: string;
  tier: AgentTier;
  /** The agent the task went to; null when every agent of the tier was full. */
  agentId: string | null;
}

export const ReminderDue = defineEvent<ReminderDuePayload>()({
  type: 'ReminderDue',
  version: 1,
  source: 'value-added',
  aggregateType: 'CallTask',
});

export const CallOutcomes = ['NO_ANSWER', 'DECLINED', 'INTERESTED', 'ORDERED', 'WRONG_NUMBER', 'DO_NOT_CALL'] as const;
export type CallOutcome = (typeof CallOutcomes)[number];

export interface CallOutcomeRecordedPayload {
  callId: string;
  taskId: string;
  customerId: string;
  deviceId: string;
  agentId: string;
  outcome: CallOutcome;
  notes: string | null;
  /** ISO timestamp. */
  calledAt: string;
  /** Set when the outcome is ORDERED. */
  replacementOrderId: string | null;
}

export const CallOutcomeRecorded = defineEvent<CallOutcomeRecordedPayload>()({
  type: 'CallOutcomeRecorded',
  version: 1,
  source: 'value-added',
  aggregateType: 'CallTask',
});
