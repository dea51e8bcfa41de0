import { isFutureChinaDay, startOfChinaDay, todayInChina } from './china-time';

describe('China-time days', () => {
  const at = (instant: string) => new Date(instant);

  it('today begins at China midnight, eight hours before UTC midnight', () => {
    expect(todayInChina(at('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(todayInChina(at('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
    expect(startOfChinaDay('2026-12-07').toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });

  it('a day is in the future only while China has not reached it (its early hours are still UTC yesterday)', () => {
    // 2026-12-06 16:20 UTC is 2026-12-07 00:20 in China: the 7th is today there, not the future.
    expect(isFutureChinaDay('2026-12-07', at('2026-12-06T16:20:00Z'))).toBe(false);
    expect(isFutureChinaDay('2026-12-08', at('2026-12-06T16:20:00Z'))).toBe(true);
    expect(isFutureChinaDay('2026-12-07', at('2026-12-06T15:59:59Z'))).toBe(true);
    expect(isFutureChinaDay('2026-12-06', at('2026-12-06T15:59:59Z'))).toBe(false);
  });
});
