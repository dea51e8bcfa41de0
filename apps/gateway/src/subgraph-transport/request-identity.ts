import type { Identity } from '@aftercare/identity';

/** Signed identities live 30 s (libs/identity); a long request re-signs well before that. */
const SIGNATURE_REUSE_MS = 10_000;

const identityKeys = new WeakMap<object, string>();

/**
 * Who is asking, as a string that differs whenever anything about the caller differs (kind, user or
 * partner, roles, name). In-flight sharing is keyed on it together with the request, so two callers never
 * share an answer — not even two callers whose requests to the subgraph are byte for byte the same.
 */
export function identityKeyOf(context: { identity: Identity }): string {
  let key = identityKeys.get(context);
  if (key === undefined) {
    key = canonicalJson(context.identity);
    identityKeys.set(context, key);
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

/**
 * One signature per client request and subgraph: a query plan may fetch from the same subgraph several
 * times (entity hops, sequences), and each fetch reuses the token minted for the first. Keyed on the
 * request's context object, so it is forgotten with the request.
 */
export class SignatureCache {
  private readonly tokens = new WeakMap<object, Map<string, { token: string; signedAt: number }>>();

  tokenFor(context: object, audience: string, sign: () => string): string {
    let byAudience = this.tokens.get(context);
    if (!byAudience) {
      byAudience = new Map();
      this.tokens.set(context, byAudience);
    }
    const now = Date.now();
    const cached = byAudience.get(audience);
    if (cached && now - cached.signedAt < SIGNATURE_REUSE_MS) return cached.token;
    const token = sign();
    byAudience.set(audience, { token, signedAt: now });
    return token;
  }
}
