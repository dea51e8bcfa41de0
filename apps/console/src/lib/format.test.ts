import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../i18n';
import { addDays, chinaToday, formatChinaDate, formatChinaDateTime, formatCountdown, formatMoney, formatPercent } from './format';

describe('format', () => {
  beforeAll(async () => {
    await initI18n('zh-CN');
    await i18n.loadNamespaces(['common']);
  });
  afterAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows integer cents as yuan with two decimals', () => {
    expect(formatMoney(5000)).toBe('¥50.00');
    expect(formatMoney(1)).toBe('¥0.01');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(-51255)).toBe('-¥512.55');
    expect(formatMoney(null)).toBe('—');
  });

  it('shows instants in China time whatever the browser’s zone', () => {
    // 13:09 UTC is 21:09 in Shanghai; 20:00 UTC is already the next day there.
    expect(formatChinaDateTime('2026-12-06T13:09:00Z')).toBe('2026/12/06 21:09');
    expect(formatChinaDate('2026-12-06T20:00:00Z')).toBe('2026/12/07');
    expect(formatChinaDate('2026-12-06')).toBe('2026/12/06');
    expect(chinaToday(new Date('2026-12-06T20:00:00Z'))).toBe('2026-12-07');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts down in the console’s language, and says when a deadline passed', async () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(formatCountdown('2026-12-08T03:04:05Z', now)).toBe('2天 03:04:05');
    expect(formatCountdown('2026-12-05T23:48:00Z', now)).toBe('超时 00:12:00');
    await i18n.changeLanguage('en');
    expect(formatCountdown('2026-12-08T03:04:05Z', now)).toBe('2d 03:04:05');
    expect(formatCountdown('2026-12-05T23:48:00Z', now)).toBe('overdue 00:12:00');
    expect(formatChinaDateTime('2026-12-06T13:09:00Z')).toBe('06/12/2026, 21:09');
    expect(formatPercent(0.8512)).toBe('85.1%');
    await i18n.changeLanguage('zh-CN');
  });
});
