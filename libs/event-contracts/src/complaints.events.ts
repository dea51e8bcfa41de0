import { defineEvent } from './define-event';

export const ComplaintCategories = [
  'EXPRESS_DELIVERY',
  'SHIPPING',
  'SERVICE',
  'PRODUCT',
  'PRODUCT_QUALITY',
  'ENGINEER_CONDUCT',
  'HOTLINE',
] as const;
export type ComplaintCategory = (typeof ComplaintCategories)[number];

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
}

export const DisputeRuled = defineEvent<DisputeRuledPayload>()({
  type: 'DisputeRuled',
  version: 1,
  source: 'complaints',
  aggregateType: 'Dispute',
});
