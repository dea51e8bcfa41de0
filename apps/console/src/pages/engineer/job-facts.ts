import type { EngineerJobFragment } from '../../gql/graphql';

/**
 * What the engineer collects at the door, in cents: the amount due of a paid job (a consumable replacement the
 * customer bought), or null when there is nothing to collect.
 */
export function amountDueOf(job: Pick<EngineerJobFragment, 'amountDueCents'>): number | null {
  const due = job.amountDueCents;
  return typeof due === 'number' && due > 0 ? due : null;
}

/**
 * What to collect when only some of the ordered stages were replaced: the due amount less the prices of the
 * stages not replaced (the customer refused them), never below zero.
 */
export function amountForReplaced(job: Pick<EngineerJobFragment, 'amountDueCents' | 'stagePrices'>, replaced: string[]): number | null {
  const due = amountDueOf(job);
  if (due === null) return null;
  const kept = new Set(replaced.map((stage) => stage.toLowerCase()));
  const refused = job.stagePrices.filter((stage) => !kept.has(stage.name.toLowerCase())).reduce((sum, stage) => sum + stage.priceCents, 0);
  return Math.max(0, due - refused);
}

/** Which facts a completion asks for, by the kind of job. */
export function completionFields(type: EngineerJobFragment['type']): { serial: boolean; area: boolean; stages: boolean; payment: boolean } {
  return {
    serial: type === 'INSTALL',
    area: type === 'SCHEDULED_SERVICE_VISIT' || type === 'SITE_SURVEY',
    stages: type === 'CONSUMABLE_REPLACEMENT',
    payment: type === 'CONSUMABLE_REPLACEMENT' || type === 'REPAIR',
  };
}

/** Yuan typed by a person ("120.5") as integer cents (12050); null when it is not an amount. */
export function yuanToCents(yuan: string | number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const value = typeof yuan === 'number' ? yuan : Number(String(yuan).replace(/[,，\s¥]/g, ''));
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 100);
}
