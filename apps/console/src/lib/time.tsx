import { useEffect, useState } from 'react';

/** The business runs on China time (Asia/Shanghai, UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatMoney(cents: number | null | undefined, currency = 'CNY'): string {
  if (cents === null || cents === undefined) return '—';
  return `${currency === 'CNY' ? '¥' : `${currency} `}${(cents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A clock that ticks every second, for live countdowns. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.floor(ms / 1000));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${days ? `${days}d ` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

export const words = (value: string | null | undefined) => (value ? value.replace(/_/g, ' ').toLowerCase().replace(/^./, (first) => first.toUpperCase()) : '—');
