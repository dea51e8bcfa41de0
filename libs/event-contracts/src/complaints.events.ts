import { defineEvent } from './define-event';
import type { ContractDisputeReason } from './sales.events';

export const ComplaintCategories = ['EXPRESS_DELIVERY', 'SHIPPING', 'SERVICE', 'PRODUCT', 'PRODUCT_QUALITY', 'ENGINEER_CONDUCT', 'HOTLINE'] as const;
export type ComplaintCategory = (typeof ComplaintCategories)[number];

export const ComplaintChannels = ['HOTLINE', 'ONLINE', 'PARTNER', 'REVIEW_SITE', 'ON_SITE'] as const;
export type ComplaintChannel = (typeof ComplaintChannels)[number];

/** The complaint's free-text summary stays in complaints; consumers that need it ask the graph. */
export interface ComplaintFiledPayload {
  complaintId: string;
  category: ComplaintCategory;
  customerId: string;
  orderId: string | null;
  workOrderId: string | null;
  involvesLiability: boolean;
  /** ISO timestamp. */
  receivedAt: string;
  /** ISO timestamp by which a handling opinion is owed; set only when liability or compensation is involved. */
  opinionDueAt: string | null;
  /** Added compatibly (absent from events published before): what complaints knows from its read models. */
  channel?: ComplaintChannel;
  brand?: string | null;
  productModel?: string | null;
  engineerId?: string | null;
}

export const ComplaintFiled = defineEvent<ComplaintFiledPayload>()({
  type: 'ComplaintFiled',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

/** The complaint is resolved or closed: holds on the job's settlement can be released. */
export interface ComplaintResolvedPayload {
  complaintId: string;
  customerId: string;
  workOrderId: string | null;
  /** The customer's satisfaction with the handling, 1–5, when asked. */
  satisfaction: number | null;
  resolvedAt: string;
  /** Added compatibly: the liability found, if any, and the engineer of the job. */
  liability?: LiabilityParty | null;
  engineerId?: string | null;
}

export const ComplaintResolved = defineEvent<ComplaintResolvedPayload>()({
  type: 'ComplaintResolved',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

export const LiabilityParties = ['PRODUCT', 'INSTALLATION', 'SALES', 'LOGISTICS', 'CUSTOMER'] as const;
export type LiabilityParty = (typeof LiabilityParties)[number];

/** Installation liability names the engineer and asks dispatch for a rework. */
export interface LiabilityDeterminedPayload {
  complaintId: string;
  customerId: string;
  workOrderId: string | null;
  liability: LiabilityParty;
  engineerId: string | null;
  reworkRequired: boolean;
  brand: string | null;
  productModel: string | null;
  /** Added compatibly: who answers for it inside the company, and whether a product fault is insured. */
  responsibleDepartment?: string;
  responsiblePerson?: string | null;
  brandInsured?: boolean | null;
  determinedAt?: string;
}

export const LiabilityDetermined = defineEvent<LiabilityDeterminedPayload>()({
  type: 'LiabilityDetermined',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

export const CompensationPayers = ['COMPANY', 'BRAND', 'INSURER', 'ENGINEER'] as const;
export type CompensationPayer = (typeof CompensationPayers)[number];

export interface CompensationApprovedPayload {
  complaintId: string;
  customerId: string;
  workOrderId: string | null;
  engineerId: string | null;
  payer: CompensationPayer;
  amountCents: number;
  approvedAt: string;
  /** Added compatibly. ISO 4217; amounts are in the currency's minor unit. */
  compensationId?: string;
  currency?: string;
  reason?: string;
}

export const CompensationApproved = defineEvent<CompensationApprovedPayload>()({
  type: 'CompensationApproved',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

export const DisputeRulings = ['AMEND_CONTRACT', 'SERVICE_FULFILS', 'RENEGOTIATE'] as const;
export type DisputeRuling = (typeof DisputeRulings)[number];

export interface DisputeRuledPayload {
  disputeId: string;
  contractId: string;
  customerId: string;
  ruling: DisputeRuling;
  ruledAt: string;
  /**
   * Added compatibly: the work orders the dispute concerned. A consumer releases holds on exactly these;
   * absent (events published before) means every job held for the contract.
   */
  workOrderIds?: string[];
  reason?: ContractDisputeReason;
}

export const DisputeRuled = defineEvent<DisputeRuledPayload>()({
  type: 'DisputeRuled',
  version: 1,
  source: 'complaints',
  aggregateType: 'Dispute',
});

/** A resolved or closed complaint is open again: the job's pay is held again until it is resolved. */
export interface ComplaintReopenedPayload {
  complaintId: string;
  customerId: string;
  workOrderId: string | null;
  engineerId: string | null;
  reason: string;
  reopenedAt: string;
}

export const ComplaintReopened = defineEvent<ComplaintReopenedPayload>()({
  type: 'ComplaintReopened',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

export const SlaClockKinds = ['FIRST_CONTACT', 'OPINION', 'RESOLUTION'] as const;
export type SlaClockKind = (typeof SlaClockKinds)[number];

export interface ComplaintSlaPayload {
  complaintId: string;
  customerId: string;
  category: ComplaintCategory;
  clock: SlaClockKind;
  /** ISO timestamp the target falls due (after any pause). */
  dueAt: string;
  assigneeId: string | null;
  /** When the sweep saw it. */
  detectedAt: string;
}

/** A target is close: handle it before it breaches. Published once per clock. */
export const ComplaintSlaWarning = defineEvent<ComplaintSlaPayload>()({
  type: 'ComplaintSlaWarning',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

/** A target was missed. Published once per clock. */
export const ComplaintSlaBreached = defineEvent<ComplaintSlaPayload>()({
  type: 'ComplaintSlaBreached',
  version: 1,
  source: 'complaints',
  aggregateType: 'Complaint',
});

export interface DisputeOpenedPayload {
  disputeId: string;
  contractId: string;
  customerId: string;
  reason: ContractDisputeReason;
  workOrderIds: string[];
  openedAt: string;
}

export const DisputeOpened = defineEvent<DisputeOpenedPayload>()({
  type: 'DisputeOpened',
  version: 1,
  source: 'complaints',
  aggregateType: 'Dispute',
});
