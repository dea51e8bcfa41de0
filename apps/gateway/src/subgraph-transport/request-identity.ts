import type { Identity } from '@aftercare/identity';
import { LRUCache } from 'lru-cache';

/** Signed identities live 30 s (libs/identity); a token is handed out for its first 10 s only. */
const SIGNATURE_REUSE_MS = 10_000;

/**
 * Per identity object: a verified token's identity is one frozen object shared by every request that presents the
 * token (libs/identity frozenIdentity), so its key is written once per token, not once per request.
 */
const identityKeys = new WeakMap<Identity, string>();

/**
 * Who is asking, as a string that differs whenever anything about the caller differs (kind, user or
 * partner, roles, name). In-flight sharing is keyed on it together with the request, so two callers never
 * share an answer — not even two callers whose requests to the subgraph are byte for byte the same.
 */
export function identityKeyOf({ identity }: { identity: Identity }): string {
  let key = identityKeys.get(identity);
  if (key === undefined) {
    key = canonicalJson(identity);
    identityKeys.set(identity, key);
  }
  return key;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Callers remembered at once; beyond that the least recently used is forgotten (and simply signed again). */
const MAX_CALLERS = 10_000;

/**
 * One signature per caller and subgraph, reused for a few seconds by every fetch of that caller's requests: a
 * query plan may fetch from one subgraph several times, and a console sends request after request. The token
 * carries nothing but the caller's identity and its audience, so reusing it hands the subgraph exactly what a
 * fresh signature would; it is reused only while it has at least 20 of its 30 seconds left. Subgraphs
 * remember tokens they verified, so a reused token is also checked only once there.
 *
 * An lru-cache (ttl + max) on the wall clock `now`; an entry is served while its age is at most its ttl,
 * hence 1 ms short of the reuse window.
 */
export class SignatureCache {
  private readonly tokens: LRUCache<string, Promise<string>>;

  constructor(now: () => number = () => Date.now()) {
    this.tokens = new LRUCache({ max: MAX_CALLERS, ttl: SIGNATURE_REUSE_MS - 1, ttlResolution: 0, perf: { now } });
  }

  /** The promise itself is shared, so fetches arriving while the first signature is being made wait for it rather than sign again. */
  tokenFor(context: { identity: Identity }, audience: string, sign: () => Promise<string>): Promise<string> {
    const key = `${audience}\n${identityKeyOf(context)}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const token = sign();
    this.tokens.set(key, token);
    // A failed signature is not remembered: the next fetch tries again.
    token.catch(() => this.tokens.peek(key) === token && this.tokens.delete(key));
    return token;
  }
}
