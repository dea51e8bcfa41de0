import { i18n } from '../i18n';

/** The business runs on China time (Asia/Shanghai, UTC+8, no daylight saving). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'zh-CN');
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'common', ...options });

/**
 * Money from the integer cents the graph returns, in yuan with two decimals: 5000 → "¥50.00". Negative
 * amounts keep their sign before the symbol ("-¥512.55"); the screen showing one says why it is negative.
 */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '—';
  const yuan = new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(cents) / 100);
  return `${cents < 0 ? '-' : ''}¥${yuan}`;
}

function dateParts(iso: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: CHINA_TIME_ZONE, hourCycle: 'h23', ...options }).format(new Date(iso));
}

/** "2026/12/06 21:09" (zh-CN) or "06/12/2026, 21:09" (en), always in China time. */
export function formatChinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateParts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A calendar day: an ISO date ("2026-12-06", already a China day) or an instant (its China day). */
export function formatChinaDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+08:00` : iso;
  return dateParts(instant, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** Time left until `iso` ("2天 03:04:05" / "2d 03:04:05"), or how long ago it passed ("超时 00:12:00"). */
export function formatCountdown(iso: string, now: number = Date.now()): string {
  const ms = Date.parse(iso) - now;
  let rest = Math.abs(Math.floor(ms / 1000));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = `${days ? t('countdown.days', { count: days }) + ' ' : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return ms < 0 ? t('countdown.overdue', { time: clock }) : clock;
}

/** Today's date in China ("2026-12-06"), the day the business's calendar is on. */
export function chinaToday(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A percentage from a 0..1 rate, with one decimal: 0.8512 → "85.1%". */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}
