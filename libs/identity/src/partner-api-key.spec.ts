import { randomBytes } from 'node:crypto';
import { isWellFormedPartnerApiKey } from './partner-api-key';

/** How sales issues a key (apps/sales/src/partners/api-key.ts); an e2e project registers real ones through the graph. */
const issued = (code: string) => `ak_${code.toLowerCase()}_${randomBytes(32).toString('base64url')}`;

describe('isWellFormedPartnerApiKey', () => {
  it.each(['PHILIPS', 'AO', 'A-B_C', 'X'.repeat(32), 'midea-2'])('accepts a key issued for partner code %s', (code) => {
    for (let attempt = 0; attempt < 50; attempt += 1) expect(isWellFormedPartnerApiKey(issued(code))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['over-long (4,001 characters)', `ak_philips_${'a'.repeat(3990)}`],
    ['3,990 characters', `ak_philips_${'a'.repeat(3979)}`],
    // Fixed tails: a random one holds `_` often enough that a key one character long can read as another
    // code's key (`ak_philips_x_…` is code `philips_x` and 43 characters), which is well-formed, not too long.
    ['one character short', `ak_philips_${'a'.repeat(42)}`],
    ['one character long', `ak_philips_${'a'.repeat(44)}`],
    ['no prefix', randomBytes(32).toString('base64url')],
    ['upper-case code', `ak_PHILIPS_${randomBytes(32).toString('base64url')}`],
    ['standard base64 (+ and /)', `ak_philips_${'+/'.repeat(21)}a`],
    ['a NUL', `ak_philips_${'a'.repeat(42)}\u0000`],
    ['a newline', `ak_philips_${'a'.repeat(42)}\n`],
    ['non-ASCII', `ak_philips_${'a'.repeat(42)}é`],
    ['a space', ` ${issued('PHILIPS')}`],
    ['a guess', 'ak_guess'],
  ])('refuses %s', (_case, key) => {
    expect(isWellFormedPartnerApiKey(key)).toBe(false);
  });
});
