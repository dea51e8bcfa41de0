import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { IDENTITY_HEADER, PartnerIdentity, signGatewayIdentity } from '@aftercare/identity';
import { SubgraphTransports } from '../subgraph-transport/subgraph-http-client';

const LOOKUP = `query PartnerCredential($apiKey: String!) { partnerCredential(apiKey: $apiKey) { partnerId partnerCode } }`;
/** Short, so a revoked or expired key stops working at the gateway within seconds. */
const KNOWN_KEY_TTL_MS = 5_000;
/** Short, so a key registered a moment ago works almost at once, yet a flood of bad keys costs one lookup each. */
const UNKNOWN_KEY_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
/** A partner's request waits on this check: better a quick, retryable refusal than a hung request. */
const LOOKUP_TIMEOUT_MS = 3_000;

/** What sales answered; `identity: null` is an unknown key (remembered too, so a flood of bad keys costs one lookup each). */
interface CacheEntry {
  identity: PartnerIdentity | null;
}

/**
 * Turns an x-api-key into a partner identity by asking sales, which owns partners and their hashed keys.
 * Answers are cached briefly so partner traffic does not add a round trip per request.
 */
export class PartnerCredentials {
  /** lru-cache, ttl per answer, the least recently used forgotten beyond MAX_ENTRIES. */
  private readonly cache: LRUCache<string, CacheEntry>;

  constructor(
    /** Sales' locator: a URL, or its replicas' URLs separated by commas. */
    private readonly salesUrl: () => string,
    private readonly signingKey: string,
    private readonly transports: SubgraphTransports,
    now: () => number = () => performance.now(),
  ) {
    this.cache = new LRUCache<string, CacheEntry>({ max: MAX_ENTRIES, ttl: KNOWN_KEY_TTL_MS, ttlResolution: 0, perf: { now } });
  }

  async identify(apiKey: string): Promise<PartnerIdentity | null> {
    const cached = this.cache.get(apiKey);
    if (cached) return cached.identity;
    const identity = await this.lookUp(apiKey);
    this.remember(apiKey, identity);
    return identity;
  }

  private async lookUp(apiKey: string): Promise<PartnerIdentity | null> {
    // Through sales' shared keep-alive client: its replicas in turn, one that refuses the connection passed over.
    const headers = {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: await signGatewayIdentity({ kind: 'system', service: 'gateway' }, this.signingKey, 'sales'),
    };
    const reply = await this.transports
      .clientFor(this.salesUrl())
      .post(JSON.stringify({ query: LOOKUP, variables: { apiKey } }), headers, { idempotent: true, timeoutMs: LOOKUP_TIMEOUT_MS })
      .catch(() => {
        throw unavailable();
      });
    let body: { data?: { partnerCredential: { partnerId: string; partnerCode: string } | null }; errors?: unknown[] } = {};
    try {
      body = JSON.parse(reply.body) as typeof body;
    } catch {
      // not JSON: treated as no answer below
    }
    // A lookup that failed (sales' database away) answers `partnerCredential: null` beside an error: that is
    // "cannot tell", never "unknown key", or every partner would be refused as unauthenticated, and cached so.
    if (reply.status !== 200 || !body.data || body.errors?.length) throw unavailable();
    const credential = body.data.partnerCredential;
    return credential && { kind: 'partner', partnerId: credential.partnerId, partnerCode: credential.partnerCode };
  }

  private remember(apiKey: string, identity: PartnerIdentity | null): void {
    this.cache.set(apiKey, { identity }, { ttl: identity ? KNOWN_KEY_TTL_MS : UNKNOWN_KEY_TTL_MS });
  }
}

function unavailable(): GraphQLError {
  return new GraphQLError('Partner keys cannot be checked right now; retry shortly', {
    extensions: { code: 'AUTHENTICATION_UNAVAILABLE', retryable: true, http: { status: 503 } },
  });
}
