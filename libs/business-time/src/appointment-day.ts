import { todayInChina } from './china-time';

/**
 * Dispatch books no appointment on a China-time day already gone, so every intake that carries a preferred
 * day (a dispatcher's work order, a partner's install order) refuses one: an order accepted with a past day
 * would only stall when dispatch tries to schedule it.
 */
export function isPastChinaDay(day: string, now: Date = new Date()): boolean {
  return day < todayInChina(now);
}
