/** Fen shown as yuan for people, e.g. 123456 → "¥1234.56"; integer arithmetic only. */
export function formatFen(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}¥${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
