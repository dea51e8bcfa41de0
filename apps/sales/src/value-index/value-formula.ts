import type { CustomerValueTier } from '@aftercare/event-contracts';
import { CustomerValueBreakdown } from './customer-value.entity';

export interface ValueInputs {
  annualValueCents: number;
  completedJobs: number;
  paymentsRefused: number;
  /** Completed jobs whose return visit confirmed them with the payment collected: receivables in on time. */
  paidAndVerifiedJobs: number;
  repeatPurchases: number;
  proactiveContacts: number;
  referrals: number;
  evaluationCount: number;
  evaluationScoreSum: number;
  complaints: number;
  /** Dispatch's quality factor 0–100; null when unknown or flagged as doubtful. */
  qualityFactor: number | null;
  scale: number;
  influence: number;
}

/** ¥30,000 a year earns the full fee score. */
const FULL_FEE_CENTS = 3_000_000;

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/**
 * The four indicator groups of the seeds, 25 points each. Where there is no data yet (no job, no
 * evaluation) a group part scores the middle, so a new customer is neither punished nor rewarded.
 */
export function scoreValue(inputs: ValueInputs): { valueIndex: number; tier: CustomerValueTier; breakdown: CustomerValueBreakdown } {
  const fees = clamp(Math.floor((inputs.annualValueCents * 15) / FULL_FEE_CENTS), 15);
  const onTime = inputs.completedJobs === 0 ? 5 : Math.round((10 * inputs.paidAndVerifiedJobs) / inputs.completedJobs);
  const economic = fees + clamp(onTime, 10);

  const loyalty = clamp(5 * inputs.repeatPurchases, 10) + clamp(inputs.proactiveContacts, 5) + clamp(5 * inputs.referrals, 10);

  const averageEvaluation = inputs.evaluationCount === 0 ? null : inputs.evaluationScoreSum / inputs.evaluationCount;
  const evidence = [
    ...(averageEvaluation === null ? [] : [(15 * (averageEvaluation - 1)) / 4]),
    ...(inputs.qualityFactor === null ? [] : [(15 * inputs.qualityFactor) / 100]),
  ];
  const evaluation = evidence.length === 0 ? 8 : Math.round(evidence.reduce((sum, part) => sum + part, 0) / evidence.length);
  const coordination = 10 - 3 * inputs.complaints;
  const serviceEffect = clamp(evaluation, 15) + clamp(coordination, 10);

  const characteristics = Math.round((25 * (inputs.scale - 1 + inputs.influence - 1)) / 8);

  const valueIndex = clamp(economic + loyalty + serviceEffect + characteristics, 100);
  return {
    valueIndex,
    tier: tierOf(valueIndex),
    breakdown: {
      economic,
      loyalty,
      serviceEffect,
      characteristics,
      annualValueCents: inputs.annualValueCents,
      completedJobs: inputs.completedJobs,
      paymentsRefused: inputs.paymentsRefused,
      paidAndVerifiedJobs: inputs.paidAndVerifiedJobs,
      repeatPurchases: inputs.repeatPurchases,
      proactiveContacts: inputs.proactiveContacts,
      referrals: inputs.referrals,
      averageEvaluation: averageEvaluation === null ? null : Math.round(averageEvaluation * 100) / 100,
      complaints: inputs.complaints,
      qualityFactor: inputs.qualityFactor,
      scale: inputs.scale,
      influence: inputs.influence,
    },
  };
}

export function tierOf(valueIndex: number): CustomerValueTier {
  if (valueIndex >= 75) return 'A';
  if (valueIndex >= 50) return 'B';
  if (valueIndex >= 25) return 'C';
  return 'D';
}
