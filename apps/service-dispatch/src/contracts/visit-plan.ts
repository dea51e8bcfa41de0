/** The calendar month `YYYY-MM` as its first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The days of a contract's visits in one month: as many as the contract promises, spread evenly over the
 * part of the month the contract runs (from its start, in its first month). None before it starts.
 */
export function visitDays(month: string, startsOn: string, visitsPerMonth: number): string[] {
  const { first, last } = monthBounds(month);
  if (startsOn > last || visitsPerMonth <= 0) return [];
  const from = startsOn > first ? startsOn : first;
  const days = daysBetween(from, last) + 1;
  return Array.from({ length: visitsPerMonth }, (_, visit) => addDays(from, Math.floor((visit * days) / visitsPerMonth)));
}
