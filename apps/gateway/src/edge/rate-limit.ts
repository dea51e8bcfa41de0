import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import type { RateLimit } from './edge-config';

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /**
   * Where the counters live. Unset: this gateway instance's memory, so N instances give a caller N times the
   * rate. Set (REDIS_URL): one Redis every instance shares, so a caller gets one rate however many there are.
   */
  redisUrl?: string;
  /** Told when Redis cannot be reached (the limiter falls back to memory) and when it is back. */
  warn?: (message: string, fields?: Record<string, unknown>) => void;
}

/** A Redis answer slower than this counts as unreachable: a request never waits on the limiter longer. */
const REDIS_TIMEOUT_MS = 200;

/**
 * Per-caller request limits from rate-limiter-flexible. Each `RateLimit` (sustained per second, burst) is a
 * window of `burst` requests per `burst / perSecond` seconds: a caller may spend the whole burst at once and
 * sustain `perSecond` over time. With Redis, each window is counted there (atomically, shared by every gateway);
 * if Redis is unreachable, the same window is counted in memory instead (the library's insurance limiter) and
 * a warning says limits are per instance until Redis answers again.
 */
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterMemory | RLWrapperTimeouts>();
  private readonly redis?: Redis;
  private readonly warn: NonNullable<RateLimiterOptions['warn']>;
  private redisDown = false;

  constructor(options: RateLimiterOptions = {}) {
    this.warn = options.warn ?? (() => undefined);
    if (options.redisUrl) {
      this.redis = new Redis(options.redisUrl, {
        // No queueing while disconnected: the insurance limiter answers at once instead.
        enableOfflineQueue: false,
        connectTimeout: 1_000,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      });
      this.redis.on('error', (error: Error) => this.markDown(error.message));
      this.redis.on('ready', () => {
        if (!this.redisDown) return;
        this.redisDown = false;
        this.warn('rate limits shared through Redis again', { store: 'redis' });
      });
    }
  }

  /** Where counters are kept right now: `redis`, `memory` (no REDIS_URL), or `memory-fallback` (Redis unreachable). */
  get store(): 'redis' | 'memory' | 'memory-fallback' {
    if (!this.redis) return 'memory';
    return this.redisDown || this.redis.status !== 'ready' ? 'memory-fallback' : 'redis';
  }

  /** Takes one request from the caller's window; answers how many seconds to wait when it is spent. */
  async take(key: string, limit: RateLimit): Promise<RateVerdict> {
    // Not connected (yet, or any more): rejectIfRedisNotReady sends this request to the memory limiter.
    if (this.redis && this.redis.status !== 'ready') this.markDown(`Redis connection ${this.redis.status}`);
    try {
      await this.limiterFor(limit).consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // Only reachable if the insurance limiter itself failed: let the request through rather than fail it.
      this.markDown((rejection as Error).message);
      return { allowed: true };
    }
  }

  async close(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  private limiterFor(limit: RateLimit): RateLimiterMemory | RLWrapperTimeouts {
    const duration = Math.max(1, Math.ceil(limit.burst / limit.perSecond));
    const points = Math.max(Math.round(limit.burst), Math.ceil(duration * limit.perSecond));
    const name = `${points}per${duration}s`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const memory = new RateLimiterMemory({ points, duration, keyPrefix: `gateway-rate:${name}` });
      limiter = this.redis
        ? new RLWrapperTimeouts({
            limiter: new RateLimiterRedis({
              storeClient: this.redis,
              points,
              duration,
              keyPrefix: `aftercare:gateway-rate:${name}`,
              rejectIfRedisNotReady: true,
            }),
            // A refused, failed or slow Redis answer: the same window counted in this instance's memory.
            insuranceLimiter: memory,
            timeoutMs: REDIS_TIMEOUT_MS,
          })
        : memory;
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private markDown(reason: string): void {
    if (this.redisDown) return;
    this.redisDown = true;
    this.warn('Redis for rate limits is unreachable: limits are counted in this gateway instance only until it answers', {
      store: 'memory-fallback',
      reason,
    });
  }
}
