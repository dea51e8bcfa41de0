import { LRUCache } from 'lru-cache';

/** Enough for every caller active within a token's lifetime on one instance; the least recently used goes first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Tokens already verified, with what they said and until when they hold. A signature check is the costliest
 * step of a request that carries one, and the same token arrives again and again (a console's bearer token on
 * every request; the gateway's identity for one caller and subgraph, minted once and reused for seconds). A hit
 * is only ever a token byte for byte the same as one whose signature and claims passed, and it is dropped at
 * its expiry, so it answers exactly what verifying it again would. Failures are never cached.
 *
 * An lru-cache with a per-entry ttl up to the token's own expiry. Its clock is the wall clock (`now`), not
 * lru-cache's default monotonic one, because a token's `exp` is wall-clock time; ttlResolution 0 reads it on
 * every look-up, so an entry never outlives its token.
 */
export class VerifiedTokenCache<T extends object> {
  private readonly entries: LRUCache<string, T>;

  constructor(
    maxEntries = DEFAULT_MAX_ENTRIES,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.entries = new LRUCache<string, T>({ max: maxEntries, ttlResolution: 0, perf: { now: () => this.now() } });
  }

  get(token: string): T | undefined {
    return this.entries.get(token);
  }

  set(token: string, value: T, validUntilMs: number): void {
    // lru-cache still answers an entry whose age equals its ttl, hence 1 ms short of the expiry. It reads a ttl
    // of 0 as "forever": something already (or about to be) expired is simply not remembered.
    const ttl = validUntilMs - this.now() - 1;
    if (ttl > 0) this.entries.set(token, value, { ttl });
  }
}

/** An identity shared by every request that presents the same token: nobody may change it. */
export function frozenIdentity<T extends object>(identity: T): Readonly<T> {
  for (const value of Object.values(identity)) if (value && typeof value === 'object') Object.freeze(value);
  return Object.freeze(identity);
}
