import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, PartnerIdentity, signGatewayIdentity } from '@aftercare/identity';
import { replicaUrls } from '../subgraph-transport/replica-urls';

const LOOKUP = `query PartnerCredential($apiKey: String!) { partnerCredential(apiKey: $apiKey) { partnerId partnerCode } }`;
/** Short, so a revoked or expired key stops working at the gateway within seconds. */
const KNOWN_KEY_TTL_MS = 5_000;
/** Short, so a key registered a moment ago works almost at once, yet a flood of bad keys costs one lookup each. */
const UNKNOWN_KEY_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface CacheEntry {
  identity: PartnerIdentity | null;
  expiresAt: number;
}

/**
 * Turns an x-api-key into a partner identity by asking sales, which owns partners and their hashed keys.
 * Answers are cached briefly so partner traffic does not add a round trip per request.
 */
export class PartnerCredentials {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly salesUrl: () => string,
    private readonly signingKey: string,
  ) {}

  async identify(apiKey: string): Promise<PartnerIdentity | null> {
    const cached = this.cache.get(apiKey);
    if (cached && cached.expiresAt > Date.now()) return cached.identity;
    const identity = await this.lookUp(apiKey);
    this.remember(apiKey, identity);
    return identity;
  }

  private async lookUp(apiKey: string): Promise<PartnerIdentity | null> {
    const response = await this.askSales(apiKey);
    const body = (await response.json().catch(() => ({}))) as {
      data?: { partnerCredential: { partnerId: string; partnerCode: string } | null };
      errors?: unknown[];
    };
    // A lookup that failed (sales' database away) answers `partnerCredential: null` beside an error: that is
    // "cannot tell", never "unknown key", or every partner would be refused as unauthenticated, and cached so.
    if (!response.ok || !body.data || body.errors?.length) throw unavailable();
    const credential = body.data.partnerCredential;
    return credential && { kind: 'partner', partnerId: credential.partnerId, partnerCode: credential.partnerCode };
  }

  /** A read: when sales runs as several replicas, one that cannot be reached is passed over for the next. */
  private async askSales(apiKey: string): Promise<Response> {
    for (const url of replicaUrls(this.salesUrl())) {
      try {
        return await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: signGatewayIdentity({ kind: 'system', service: 'gateway' }, this.signingKey, 'sales'),
          },
          body: JSON.stringify({ query: LOOKUP, variables: { apiKey } }),
          signal: AbortSignal.timeout(3000),
        });
      } catch {
        // the next replica, if any
      }
    }
    throw unavailable();
  }

  private remember(apiKey: string, identity: PartnerIdentity | null): void {
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(apiKey, { identity, expiresAt: Date.now() + (identity ? KNOWN_KEY_TTL_MS : UNKNOWN_KEY_TTL_MS) });
  }
}

function unavailable(): GraphQLError {
  return new GraphQLError('Partner keys cannot be checked right now; retry shortly', {
    extensions: { code: 'AUTHENTICATION_UNAVAILABLE', retryable: true, http: { status: 503 } },
  });
}
