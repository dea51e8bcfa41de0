import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Automatic persisted queries (Apollo's APQ protocol) from the gateway to its subgraphs: a subgraph fetch names
 * its query by sha256 instead of carrying the text. The text goes with the hash on the query's first fetch, and
 * again only when a subgraph has forgotten it (a restart, an eviction). The subgraph then neither reads nor
 * hashes the query text on every request; it finds the parsed and validated document by the hash it is given.
 * Only the gateway can register a query: a subgraph answers nothing that the gateway did not sign.
 */
export interface PersistedQueryExtension {
  persistedQuery: { version: 1; sha256Hash: string };
}

/** How a subgraph turned a request naming a hash down; either way nothing ran, so it may be sent again with the text. */
export type PersistedQueryRefusal = 'not-found' | 'not-supported';

const REFUSALS: Record<string, PersistedQueryRefusal> = {
  PERSISTED_QUERY_NOT_FOUND: 'not-found',
  PERSISTED_QUERY_NOT_SUPPORTED: 'not-supported',
};
/** A refusal is one short error and no data; anything longer is an answer and is not parsed twice. */
const LONGEST_REFUSAL = 512;

/**
 * The sha256 of each subgraph query, worked out once: query plans hand out the same few strings on every request.
 * A query met for the first time is sent with its text as well, which registers it with the subgraph, so only a
 * subgraph that has since forgotten it (a restart, an eviction, another replica) ever refuses its hash.
 */
export class PersistedQueryHashes {
  private readonly hashes = new LRUCache<string, string>({ max: 5000 });

  /** The extension naming `query`, and whether this is its first use (send the text too). */
  extensionFor(query: string): { extension: PersistedQueryExtension; firstUse: boolean } {
    let sha256Hash = this.hashes.get(query);
    const firstUse = sha256Hash === undefined;
    if (sha256Hash === undefined) {
      sha256Hash = createHash('sha256').update(query).digest('hex');
      this.hashes.set(query, sha256Hash);
    }
    return { extension: { persistedQuery: { version: 1, sha256Hash } }, firstUse };
  }
}

/** Whether a subgraph's answer to a hash-only request is a refusal (not found or not supported), and which. */
export function persistedQueryRefusal(body: string): PersistedQueryRefusal | undefined {
  if (body.length > LONGEST_REFUSAL || !body.includes('PERSISTED_QUERY_NOT_')) return undefined;
  try {
    const answer = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    if (answer.data != null || answer.errors?.length !== 1) return undefined;
    const code = answer.errors[0]!.extensions?.code;
    return typeof code === 'string' ? REFUSALS[code] : undefined;
  } catch {
    return undefined;
  }
}
