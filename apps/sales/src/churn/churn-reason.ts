import { defineEnum } from '@aftercare/subgraph';

export const ControllableReasons = ['SERVICE_QUALITY', 'PRICE', 'CULTURE_MISMATCH', 'SALESPERSON_LEFT'] as const;
export const UncontrollableReasons = ['CLOSED_DOWN', 'BUSINESS_CHANGE', 'NEEDS_NOT_MET', 'RELATIONSHIP'] as const;
export const ChurnReasons = [...ControllableReasons, ...UncontrollableReasons] as const;
export type ChurnReason = (typeof ChurnReasons)[number];
export const ChurnReasonEnum = defineEnum(
  ChurnReasons,
  'ChurnReason',
  'Controllable: service quality, price, culture mismatch, salesperson left. Uncontrollable: closed down, business change, needs not met, relationship.',
);

export function isControllable(reason: ChurnReason): boolean {
  return (ControllableReasons as readonly string[]).includes(reason);
}
