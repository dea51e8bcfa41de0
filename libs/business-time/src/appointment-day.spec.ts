import { isPastChinaDay } from './appointment-day';

describe('a preferred or appointment day (China time)', () => {
  const at = (instant: string) => new Date(instant);

  it('is past only when the China-time day has gone', () => {
    // 2026-03-06 23:30 UTC is already 2026-03-07 07:30 in China.
    expect(isPastChinaDay('2026-03-06', at('2026-03-06T23:30:00Z'))).toBe(true);
    expect(isPastChinaDay('2026-03-07', at('2026-03-06T23:30:00Z'))).toBe(false);
    expect(isPastChinaDay('2026-03-08', at('2026-03-06T23:30:00Z'))).toBe(false);
  });

  it('keeps today open until China-time midnight', () => {
    expect(isPastChinaDay('2026-03-07', at('2026-03-07T15:59:59Z'))).toBe(false);
    expect(isPastChinaDay('2026-03-07', at('2026-03-07T16:00:00Z'))).toBe(true);
  });
});
