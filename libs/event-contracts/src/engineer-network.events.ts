import { defineEvent } from './define-event';

export const EngineerEmployments = ['EMPLOYEE', 'PLATFORM_PARTNER'] as const;
export type EngineerEmployment = (typeof EngineerEmployments)[number];

export const EngineerStatuses = ['ACTIVE', 'ON_LEAVE', 'SUSPENDED'] as const;
export type EngineerStatus = (typeof EngineerStatuses)[number];

export interface EngineerSkill {
  brand: string;
  productModel: string;
}

/**
 * The whole dispatch-relevant profile, not a delta: a consumer upserts its read model from any one of
 * these events and is right whatever it missed before. The phone stays in engineer-network.
 */
export interface EngineerProfile {
  engineerId: string;
  name: string;
  employment: EngineerEmployment;
  status: EngineerStatus;
  homeCity: string;
  /** Every city the engineer covers, the home city included. */
  cities: string[];
  skills: EngineerSkill[];
  dailyCapacity: number;
}

export const EngineerRegistered = defineEvent<EngineerProfile>()({
  type: 'EngineerRegistered',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'Engineer',
});

/** Any change of status, coverage, skills or capacity; carries the full profile after the change. */
export const EngineerProfileChanged = defineEvent<EngineerProfile>()({
  type: 'EngineerProfileChanged',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'Engineer',
});

export const UnavailabilityReasons = ['SICK', 'PERSONAL', 'LEAVE', 'TRAINING'] as const;
export type UnavailabilityReason = (typeof UnavailabilityReasons)[number];

export interface EngineerAvailabilityChangedPayload {
  engineerId: string;
  /** The complete current set of windows (ISO dates, inclusive), replacing any earlier set. */
  unavailable: { from: string; to: string; reason: UnavailabilityReason }[];
}

export const EngineerAvailabilityChanged = defineEvent<EngineerAvailabilityChangedPayload>()({
  type: 'EngineerAvailabilityChanged',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'Engineer',
});

/** A backup task found someone for a work order dispatch could not place; dispatch may assign it now. */
export interface BackupEngineerFoundPayload {
  backupTaskId: string;
  workOrderId: string;
  engineerId: string;
  /** Hours from the task opening to it being filled. */
  hoursToFill: number;
}

export const BackupEngineerFound = defineEvent<BackupEngineerFoundPayload>()({
  type: 'BackupEngineerFound',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'BackupTask',
});

/** Money is always integer fen (CNY minor units). */
export interface SettlementPaidPayload {
  payoutBatchId: string;
  engineerId: string;
  amountCents: number;
  workOrderIds: string[];
  paidAt: string;
}

export const SettlementPaid = defineEvent<SettlementPaidPayload>()({
  type: 'SettlementPaid',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'PayoutBatch',
});

export interface SelfInstallRefundApprovedPayload {
  refundId: string;
  orderId: string;
  workOrderId: string;
  customerId: string;
  amountCents: number;
  approvedAt: string;
}

export const SelfInstallRefundApproved = defineEvent<SelfInstallRefundApprovedPayload>()({
  type: 'SelfInstallRefundApproved',
  version: 1,
  source: 'engineer-network',
  aggregateType: 'SelfInstallRefund',
});
