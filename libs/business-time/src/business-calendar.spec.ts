import { addBusinessHours, businessTimeBetween, hotlineCalendar, isOpenAt } from './business-calendar';
import { chinaDate, startOfChinaDay, todayInChina } from './china-time';

const HOUR_MS = 60 * 60 * 1000;
/** China time as an ISO instant: `at('2026-03-06 20:00')`. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00.000+08:00`);

describe('the hotline business calendar (08:00–21:00 China time, every day, holidays as data)', () => {
  const calendar = hotlineCalendar(['2026-02-17']);

  it('counts a deadline across the night: 4 business hours from 20:00 end at 11:00 the next morning', () => {
    expect(addBusinessHours(calendar, at('2026-03-06 20:00'), 4)).toEqual(at('2026-03-07 11:00'));
  });

  it('starts counting at opening time when the complaint comes in at night', () => {
    expect(addBusinessHours(calendar, at('2026-03-06 23:30'), 2)).toEqual(at('2026-03-07 10:00'));
    expect(addBusinessHours(calendar, at('2026-03-07 03:00'), 2)).toEqual(at('2026-03-07 10:00'));
  });

  it('skips a holiday entirely: from the evening before, over the holiday, to the day after', () => {
    expect(addBusinessHours(calendar, at('2026-02-16 19:00'), 4)).toEqual(at('2026-02-18 10:00'));
    expect(addBusinessHours(hotlineCalendar(), at('2026-02-16 19:00'), 4)).toEqual(at('2026-02-17 10:00'));
  });

  it('works weekends like any other day (365 days a year)', () => {
    // 7 and 8 March 2026 are a Saturday and a Sunday.
    expect(addBusinessHours(calendar, at('2026-03-07 09:00'), 13)).toEqual(at('2026-03-08 09:00'));
  });

  it('measures business time between two instants, the inverse of adding it', () => {
    expect(businessTimeBetween(calendar, at('2026-02-16 19:00'), at('2026-02-18 10:00'))).toBe(4 * HOUR_MS);
    expect(businessTimeBetween(calendar, at('2026-03-06 22:00'), at('2026-03-07 07:59'))).toBe(0);
    expect(businessTimeBetween(calendar, at('2026-03-07 10:00'), at('2026-03-06 10:00'))).toBe(0);
  });

  it('knows when the line is open', () => {
    expect(isOpenAt(calendar, at('2026-03-06 08:00'))).toBe(true);
    expect(isOpenAt(calendar, at('2026-03-06 21:00'))).toBe(false);
    expect(isOpenAt(calendar, at('2026-02-17 12:00'))).toBe(false);
  });

  it('refuses a calendar that is never open', () => {
    expect(() => addBusinessHours({ opensAtHour: 21, closesAtHour: 8, holidays: new Set() }, at('2026-03-06 10:00'), 1)).toThrow(/window/);
  });
});

describe('China time', () => {
  it('puts an instant on its China calendar day', () => {
    expect(chinaDate(new Date('2026-03-06T16:30:00.000Z'))).toBe('2026-03-07');
    expect(chinaDate(new Date('2026-03-06T15:59:59.999Z'))).toBe('2026-03-06');
    expect(todayInChina(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(startOfChinaDay('2026-03-07')).toEqual(new Date('2026-03-06T16:00:00.000Z'));
  });
});
