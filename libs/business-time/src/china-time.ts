/** The business runs on China time: "today", a day's calls, a month's compensation are counted there. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** China has kept UTC+8 all year since 1991, so calendar arithmetic can use a fixed offset. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China-time calendar day (YYYY-MM-DD) an instant falls on. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayInChina(now: Date = new Date()): string {
  return chinaDate(now);
}

/** The instant a China-time calendar day (YYYY-MM-DD) begins. */
export function startOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_UTC_OFFSET_MS);
}

/** The China-time day `days` after today (negative: before), e.g. a preferred date that stays in the future. */
export function chinaDayFromToday(days: number, now: Date = new Date()): string {
  return chinaDate(new Date(now.getTime() + days * 86_400_000));
}

/** Whether a China-time calendar day (YYYY-MM-DD) is still to come: today is not, from China's midnight on. */
export function isFutureChinaDay(day: string, now: Date = new Date()): boolean {
  return day > todayInChina(now);
}
