import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { mintStaffToken } from '@aftercare/identity';
import { createLogger } from '@aftercare/logging';
import { freePort, isolatedEnv, TEST_AUTH_JWT_SECRET } from '@aftercare/testing';
import { gatewayConfigFrom } from '../gateway-config';
import { RunningGateway, startGateway } from '../gateway-server';
import { RateLimiter } from './rate-limit';

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** REDIS_URL, else the server on 127.0.0.1:6379 if it answers, else a redis-server of this test's own. */
async function redisForTest(): Promise<{ url: string; stop(): Promise<void> }> {
  const configured = process.env['REDIS_URL'] ?? LOCAL_REDIS;
  if (await answers(configured)) return { url: configured, stop: async () => undefined };
  const port = await freePort();
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; !(await answers(url)); attempt++) {
    if (attempt > 50 || server.exitCode !== null) throw new Error(`redis-server did not start on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : (server.once('exit', () => resolve()), server.kill('SIGTERM')))),
  };
}

/** One staff member's request, counted by whichever gateway gets it; the gateway answers `__typename` itself. */
async function ask(gateway: RunningGateway, token: string): Promise<{ status: number; retryAfter: string | null; code?: string }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code };
}

describe('rate limits shared by every gateway (rate-limiter-flexible, Redis when REDIS_URL is set)', () => {
  // A window of 10 requests per 10 s for each staff member: small enough to spend in a test, too long to refill during it.
  const LIMIT = { perSecond: 1, burst: 10 };

  describe('two gateways against one Redis', () => {
    let redis: { url: string; stop(): Promise<void> };
    const gateways: RunningGateway[] = [];
    const saved = { ...process.env };

    beforeAll(async () => {
      redis = await redisForTest();
      // The edge limits come from the environment at start-up, as in production.
      Object.assign(process.env, { REDIS_URL: redis.url, RATE_LIMIT_STAFF_PER_SECOND: String(LIMIT.perSecond), RATE_LIMIT_STAFF_BURST: String(LIMIT.burst) });
      const config = { ...gatewayConfigFrom(isolatedEnv('rate-limit')), port: 0 };
      for (let i = 0; i < 2; i++) gateways.push(await startGateway(config, createLogger('gateway', undefined, 'silent')));
    });

    afterAll(async () => {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      for (const name of ['REDIS_URL', 'RATE_LIMIT_STAFF_PER_SECOND', 'RATE_LIMIT_STAFF_BURST']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await redis?.stop();
    });

    it('gives one caller one rate, whichever gateway each request reaches: the window spent, 429 with Retry-After', async () => {
      const token = mintStaffToken({ sub: `rate-${randomUUID()}`, name: 'Rate', roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET);
      const answers: (Awaited<ReturnType<typeof ask>> & { gateway: number })[] = [];
      // Alternating: with limits in each instance's memory, each gateway would let its own 10 through (20 in all).
      for (let i = 0; i < 2 * LIMIT.burst; i++) answers.push({ gateway: i % 2, ...(await ask(gateways[i % 2]!, token)) });
      const allowed = answers.filter((answer) => answer.status === 200);
      const limited = answers.filter((answer) => answer.status === 429);
      expect(allowed).toHaveLength(LIMIT.burst);
      expect(limited).toHaveLength(LIMIT.burst);
      expect(new Set(limited.map((answer) => answer.gateway))).toEqual(new Set([0, 1]));
      for (const answer of limited) {
        expect(answer.code).toBe('RATE_LIMITED');
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(Number(answer.retryAfter)).toBeLessThanOrEqual(10);
      }
      // Another caller has a window of its own.
      const other = mintStaffToken({ sub: `rate-${randomUUID()}`, name: 'Other', roles: ['ADMIN'] }, TEST_AUTH_JWT_SECRET);
      expect((await ask(gateways[1]!, other)).status).toBe(200);
    });
  });

  it('without REDIS_URL each instance counts in its own memory: two of them let a caller through twice', async () => {
    const [a, b] = [new RateLimiter(), new RateLimiter()];
    const verdicts = await Promise.all(Array.from({ length: 2 * LIMIT.burst }, (_, i) => (i % 2 ? a : b).take('staff:one', LIMIT)));
    expect(a.store).toBe('memory');
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(2 * LIMIT.burst);
    expect(await a.take('staff:one', LIMIT)).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
  });

  it('falls back to memory with a warning when Redis is unreachable, and still limits', async () => {
    const warnings: string[] = [];
    const limiter = new RateLimiter({ redisUrl: `redis://127.0.0.1:${await freePort()}`, warn: (message) => warnings.push(message) });
    try {
      const verdicts = [];
      for (let i = 0; i < LIMIT.burst + 2; i++) verdicts.push(await limiter.take('partner:p1', LIMIT));
      expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(LIMIT.burst);
      expect(verdicts.at(-1)).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
      expect(limiter.store).toBe('memory-fallback');
      expect(warnings.some((warning) => /unreachable/.test(warning))).toBe(true);
    } finally {
      await limiter.close();
    }
  });
});
