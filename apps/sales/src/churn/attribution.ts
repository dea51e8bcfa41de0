import type { ChurnAttribution } from '@aftercare/event-contracts';
import { ChurnReason, isControllable } from './churn-reason';

export interface ChurnFacts {
  reason: ChurnReason;
  /** Dispatch's quality factor (0–100) as last reported; null when unknown or doubtful. */
  qualityFactor: number | null;
  complaints: number;
  contactsLast90Days: number;
  visitsLast90Days: number;
}

/** Below this quality factor, or from this many complaints, service let the customer down. */
export const POOR_QUALITY_FACTOR = 60;
export const MANY_COMPLAINTS = 2;
/** Fewer contacts than one a month in the last quarter before the loss: sales stopped looking after them. */
export const MIN_CONTACTS_PER_QUARTER = 3;

export interface Attribution {
  attribution: ChurnAttribution;
  serviceFellShort: boolean;
  salesFellShort: boolean;
  explanation: string;
}

const BY_REASON: Partial<Record<ChurnReason, ChurnAttribution>> = {
  SERVICE_QUALITY: 'SERVICE',
  PRICE: 'PRICE',
  CULTURE_MISMATCH: 'SALES',
  SALESPERSON_LEFT: 'SALES',
};

/**
 * The data decides, not the reason someone wrote down: when only one side's record is poor, that side
 * lost the customer; when both or neither are, the stated controllable reason decides.
 */
export function attribute(facts: ChurnFacts): Attribution {
  const serviceFellShort = (facts.qualityFactor !== null && facts.qualityFactor < POOR_QUALITY_FACTOR) || facts.complaints >= MANY_COMPLAINTS;
  const salesFellShort = facts.contactsLast90Days < MIN_CONTACTS_PER_QUARTER;
  if (!isControllable(facts.reason)) {
    return { attribution: 'UNCONTROLLABLE', serviceFellShort, salesFellShort, explanation: `${facts.reason} is beyond the company's control` };
  }
  const service = `quality factor ${facts.qualityFactor ?? 'unknown'}, ${facts.complaints} complaint(s)`;
  const sales = `${facts.contactsLast90Days} contact(s), ${facts.visitsLast90Days} visit(s) in the 90 days before`;
  if (serviceFellShort && !salesFellShort) {
    return { attribution: 'SERVICE', serviceFellShort, salesFellShort, explanation: `Service fell short (${service}) while sales kept in touch (${sales})` };
  }
  if (salesFellShort && !serviceFellShort) {
    return {
      attribution: 'SALES',
      serviceFellShort,
      salesFellShort,
      explanation: `Sales maintenance fell short (${sales}) while service held up (${service})`,
    };
  }
  const both = serviceFellShort ? 'Both sides fell short' : 'Neither side fell short';
  return {
    attribution: BY_REASON[facts.reason] ?? 'SALES',
    serviceFellShort,
    salesFellShort,
    explanation: `${both} (${service}; ${sales}): the stated reason ${facts.reason} decides`,
  };
}
