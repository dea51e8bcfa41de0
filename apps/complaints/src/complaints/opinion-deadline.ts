/** The seeds' rule: a complaint involving liability or compensation gets a handling opinion within 48 hours. */
const OPINION_SLA_HOURS = 48;

/** When the opinion is owed, or null when no SLA applies. Elapsed hours, not working hours: the customer waits either way. */
export function opinionDueAt(receivedAt: Date, involvesLiability: boolean): Date | null {
  return involvesLiability ? new Date(receivedAt.getTime() + OPINION_SLA_HOURS * 60 * 60 * 1000) : null;
}
