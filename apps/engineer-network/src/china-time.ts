/** The business runs on China time: a period ending 2026-12-06 includes everything that happened that Sunday there. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE }).format(new Date());
}
