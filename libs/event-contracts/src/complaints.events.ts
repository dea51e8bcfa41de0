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
