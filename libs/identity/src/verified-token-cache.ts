/** Enough for every caller active within a token's lifetime on one instance; the oldest entry goes first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Tokens already verified, with what they said and until when they hold. A signature check is the costliest
 * step of a request that carries one, and the same token arrives again and again (a console's bearer token on
 * every request; the gateway's identity for one caller and subgraph, minted once and reused for seconds). A hit
 * is only ever a token byte for byte the same as one whose signature and claims passed, and it is dropped at
 * its expiry, so it answers exactly what verifying it again would. Failures are never cached.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { value: T; validUntilMs: number }>();

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  get(token: string, nowMs = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.validUntilMs <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, validUntilMs: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { value, validUntilMs });
  }
}

/** An identity shared by every request that presents the same token: nobody may change it. */
export function frozenIdentity<T extends object>(identity: T): Readonly<T> {
  for (const value of Object.values(identity)) if (value && typeof value === 'object') Object.freeze(value);
  return Object.freeze(identity);
}
