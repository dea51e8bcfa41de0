import { generateGatewayKeyPair, parsePublicKey, verificationKeys } from './gateway-keys';
import { signGatewayIdentity, verifyGatewayIdentity } from './gateway-signature';
import { Identity } from './identity';
import { mintStaffToken, verifyStaffToken } from './staff-token';
import { VerifiedTokenCache } from './verified-token-cache';

const gateway = generateGatewayKeyPair();
const ADMIN: Identity = { kind: 'staff', userId: 'u-1', name: 'Ada', roles: ['ADMIN'] };
const SECRET = 'a-test-secret-of-enough-length-for-hs256-0123456789';

describe('verified tokens are remembered only while they hold', () => {
  afterEach(() => jest.useRealTimers());

  it('forgets an entry at its expiry, never remembers one already expired, and drops the least recently used when full', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache<{ name: string }>(2, () => now);
    cache.set('a', { name: 'A' }, 1_001_000);
    cache.set('b', { name: 'B' }, 1_005_000);
    now = 1_000_999;
    expect(cache.get('a')).toEqual({ name: 'A' });
    now = 1_001_000;
    expect(cache.get('a')).toBeUndefined();
    cache.set('late', { name: 'L' }, 1_001_000);
    expect(cache.get('late')).toBeUndefined();
    cache.set('c', { name: 'C' }, 1_005_000);
    expect(cache.get('b')).toEqual({ name: 'B' });
    cache.set('d', { name: 'D' }, 1_005_000);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([{ name: 'B' }, undefined, { name: 'D' }]);
  });

  it('a gateway identity verified once is answered again, frozen, until the token expires — then refused', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    const trusted = verificationKeys([parsePublicKey(gateway.publicKey)]);
    const token = await signGatewayIdentity(ADMIN, gateway.privateKey, 'sales');
    const first = await verifyGatewayIdentity(token, trusted, 'sales');
    await expect(verifyGatewayIdentity(token, trusted, 'sales')).resolves.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Remembered for this audience and these keys only.
    await expect(verifyGatewayIdentity(token, trusted, 'complaints')).rejects.toThrow(/another subgraph/);
    await expect(verifyGatewayIdentity(token, verificationKeys([parsePublicKey(generateGatewayKeyPair().publicKey)]), 'sales')).rejects.toThrow(
      /does not trust/,
    );
    // 30 s lifetime + 5 s clock tolerance: at 36 s the remembered answer is gone and the token is refused.
    jest.setSystemTime(new Date('2026-11-29T12:00:36Z'));
    await expect(verifyGatewayIdentity(token, trusted, 'sales')).rejects.toThrow(/expired/);
  });

  it('a staff token verified once is answered again until it expires — then refused', () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z') });
    const token = mintStaffToken({ sub: 'li.na', name: 'Li Na', roles: ['DISPATCHER'] }, SECRET, '60s');
    const first = verifyStaffToken(token, SECRET);
    expect(verifyStaffToken(token, SECRET)).toBe(first);
    expect(() => verifyStaffToken(token, `${SECRET}-other`)).toThrow(/invalid signature/);
    jest.setSystemTime(new Date('2026-11-29T12:01:06Z'));
    expect(() => verifyStaffToken(token, SECRET)).toThrow(/expired/);
  });
});
