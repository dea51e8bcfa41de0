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
