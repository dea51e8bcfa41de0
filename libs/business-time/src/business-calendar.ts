import { chinaDate, CHINA_UTC_OFFSET_MS } from './china-time';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When the business counts time: the same opening hours every day (China time), except the holidays,
 * which are data (YYYY-MM-DD) kept by whoever runs the calendar.
 */
export interface BusinessCalendar {
  opensAtHour: number;
  closesAtHour: number;
  holidays: ReadonlySet<string>;
}

/** The 400 hotline: 08:00–21:00, every day of the year unless a holiday is declared. */
export function hotlineCalendar(holidays: Iterable<string> = []): BusinessCalendar {
  return { opensAtHour: 8, closesAtHour: 21, holidays: new Set(holidays) };
}

/** The open interval [start, end) of the China-time day that begins at local midnight `dayStartLocal`, or null on a holiday. */
function openWindow(calendar: BusinessCalendar, dayStartUtc: number): [number, number] | null {
  if (calendar.holidays.has(chinaDate(new Date(dayStartUtc)))) return null;
  return [dayStartUtc + calendar.opensAtHour * HOUR_MS, dayStartUtc + calendar.closesAtHour * HOUR_MS];
}

function chinaDayStartUtc(instantMs: number): number {
  const local = instantMs + CHINA_UTC_OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_UTC_OFFSET_MS;
}

function assertSane(calendar: BusinessCalendar): void {
  if (!(calendar.opensAtHour >= 0 && calendar.closesAtHour <= 24 && calendar.opensAtHour < calendar.closesAtHour)) {
    throw new Error(`business hours ${calendar.opensAtHour}–${calendar.closesAtHour} are not a day's window`);
  }
}

/** The instant `durationMs` of business time after `start`: time outside opening hours and on holidays does not count. */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, durationMs: number): Date {
  assertSane(calendar);
  let remaining = durationMs;
  let cursor = start.getTime();
  // A year of consecutive holidays would mean the calendar is wrong, not that the deadline is far away.
  for (let day = 0; day < 400; day++) {
    const dayStart = chinaDayStartUtc(cursor);
    const window = openWindow(calendar, dayStart);
    if (window) {
      const from = Math.max(cursor, window[0]);
      if (from < window[1]) {
        if (remaining <= window[1] - from) return new Date(from + remaining);
        remaining -= window[1] - from;
      }
    }
    cursor = dayStart + DAY_MS;
  }
  throw new Error('the business calendar has no opening hours within 400 days');
}

export function addBusinessHours(calendar: BusinessCalendar, start: Date, hours: number): Date {
  return addBusinessTime(calendar, start, hours * HOUR_MS);
}

/** Business time between two instants (0 when `to` is not after `from`). */
export function businessTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  assertSane(calendar);
  let total = 0;
  let cursor = from.getTime();
  const end = to.getTime();
  while (cursor < end) {
    const dayStart = chinaDayStartUtc(cursor);
    const window = openWindow(calendar, dayStart);
    if (window) total += Math.max(0, Math.min(end, window[1]) - Math.max(cursor, window[0]));
    cursor = dayStart + DAY_MS;
  }
  return total;
}

/** Whether the calendar is open at an instant (the hotline answers, a call is "in hours"). */
export function isOpenAt(calendar: BusinessCalendar, instant: Date): boolean {
  const window = openWindow(calendar, chinaDayStartUtc(instant.getTime()));
  return window !== null && instant.getTime() >= window[0] && instant.getTime() < window[1];
}
