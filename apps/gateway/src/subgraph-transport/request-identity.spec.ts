import { generateGatewayKeyPair, Identity, signGatewayIdentity } from '@aftercare/identity';
import { SignatureCache } from './request-identity';

const DISPATCHER: Identity = { kind: 'staff', userId: 'li.na', name: 'Li Na', roles: ['DISPATCHER'] };

describe('one signature per caller and subgraph (SignatureCache)', () => {
  let now = 1_000_000;
  const cache = new SignatureCache(() => now);

  it('shares one signature in progress among the fetches that arrive meanwhile, and reuses it for 10 s', async () => {
    let signatures = 0;
    const sign = () => new Promise<string>((resolve) => setTimeout(() => resolve(`token-${++signatures}`), 10));
    const first = await Promise.all([1, 2, 3].map(() => cache.tokenFor({ identity: DISPATCHER }, 'sales', sign)));
    expect(first).toEqual(['token-1', 'token-1', 'token-1']);
    now += 9_999;
    await expect(cache.tokenFor({ identity: { ...DISPATCHER } }, 'sales', sign)).resolves.toBe('token-1');
    await expect(cache.tokenFor({ identity: DISPATCHER }, 'complaints', sign)).resolves.toBe('token-2');
    now += 1;
    await expect(cache.tokenFor({ identity: DISPATCHER }, 'sales', sign)).resolves.toBe('token-3');
  });

  it('forgets a signature that failed, so the next fetch signs again', async () => {
    const caller = { identity: { ...DISPATCHER, userId: 'ada' } };
    await expect(cache.tokenFor(caller, 'sales', () => Promise.reject(new Error('key unavailable')))).rejects.toThrow('key unavailable');
    await expect(cache.tokenFor(caller, 'sales', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });

  it('remembers at most 10,000 callers, forgetting the least recently used', async () => {
    const small = new SignatureCache(() => now);
    let signatures = 0;
    const sign = () => Promise.resolve(`t${++signatures}`);
    for (let n = 0; n <= 10_000; n++) await small.tokenFor({ identity: { ...DISPATCHER, userId: `u${n}` } }, 'sales', sign);
    expect(signatures).toBe(10_001);
    await small.tokenFor({ identity: { ...DISPATCHER, userId: 'u10000' } }, 'sales', sign);
    expect(signatures).toBe(10_001);
    await small.tokenFor({ identity: { ...DISPATCHER, userId: 'u0' } }, 'sales', sign);
    expect(signatures).toBe(10_002);
  });

  it('answers a reused signature in about a microsecond (the per-fetch cost; a fresh jose signature is tens of µs)', async () => {
    const key = generateGatewayKeyPair().privateKey;
    const fresh = new SignatureCache();
    const caller = { identity: DISPATCHER };
    const runs = 100_000;
    await fresh.tokenFor(caller, 'sales', () => signGatewayIdentity(DISPATCHER, key, 'sales'));
    const started = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) await fresh.tokenFor(caller, 'sales', () => signGatewayIdentity(DISPATCHER, key, 'sales'));
    const micros = Number(process.hrtime.bigint() - started) / 1000 / runs;
    console.log(`signature reuse (SignatureCache hit, awaited): ${micros.toFixed(2)} µs per fetch over ${runs} fetches`);
    // Generous for a shared CI machine; a fresh signature on every fetch would be far above it.
    expect(micros).toBeLessThan(20);
  });
});
