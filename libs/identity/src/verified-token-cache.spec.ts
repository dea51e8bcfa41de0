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

  it('forgets an entry at its expiry and drops the oldest when full', () => {
    const cache = new VerifiedTokenCache<string>(2);
    cache.set('a', 'A', 1_000);
    cache.set('b', 'B', 5_000);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1_000)).toBeUndefined();
    cache.set('c', 'C', 5_000);
    cache.set('d', 'D', 5_000);
    expect([cache.get('b', 0), cache.get('c', 0), cache.get('d', 0)]).toEqual([undefined, 'C', 'D']);
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
    await expect(verifyGatewayIdentity(token, verificationKeys([parsePublicKey(generateGatewayKeyPair().publicKey)]), 'sales')).rejects.toThrow(/does not trust/);
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
