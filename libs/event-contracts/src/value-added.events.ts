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

/** A customer ordered consumables: dispatch creates the replacement work order. */
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
}

export const ReplacementOrdered = defineEvent<ReplacementOrderedPayload>()({
  type: 'ReplacementOrdered',
  version: 1,
  source: 'value-added',
  aggregateType: 'ReplacementOrder',
});
