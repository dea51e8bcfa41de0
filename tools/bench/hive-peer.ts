/**
 * The benchmark's peers: Hive Gateway (@graphql-hive/gateway-runtime, one process, one worker) on the same
 * supergraph, with its JavaScript query planner (HIVE_PLANNER=js, the default) or the Rust one
 * (HIVE_PLANNER=rust, @graphql-hive/router-runtime's unifiedGraphHandler). Both send each subgraph the same
 * audience-bound Ed25519 identity our gateway sends, reused per caller and subgraph for 10 s as ours is
 * (SignatureCache). Staff callers only (Bearer JWT); in-flight deduplication off unless HIVE_DEDUP=on.
 *   HIVE_PORT, SUPERGRAPH_FILE (URLs already pointing at the running subgraphs), AUTH_JWT_SECRET, GATEWAY_SIGNING_KEY
 *
 * The identity is set per fetch (onFetch), from the fetch's URL → subgraph name. Hive's propagateHeaders writes
 * its headers into the execution request's extensions the first time a request reaches a subgraph, and under
 * the Rust planner every fetch of a request shares those extensions: the second subgraph would receive the
 * first one's audience (and reject it). Per fetch, each subgraph gets its own.
 */
import { createGatewayRuntime, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { Identity, IDENTITY_HEADER, signGatewayIdentity, verifyStaffToken } from '@aftercare/identity';

const port = Number(process.env['HIVE_PORT']);
const jwtSecret = process.env['AUTH_JWT_SECRET']!;
const signingKey = process.env['GATEWAY_SIGNING_KEY']!;
const dedup = process.env['HIVE_DEDUP'] === 'on';
const planner = process.env['HIVE_PLANNER'] === 'rust' ? 'rust' : 'js';
const supergraph = readFileSync(process.env['SUPERGRAPH_FILE']!, 'utf8');

/** Subgraph URL → its name (the audience its identity is bound to). */
const subgraphByUrl = new Map<string, string>();
for (const [, name, url] of supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) subgraphByUrl.set(url!, name!);

/** As our gateway: a verified staff token is remembered, a signature is reused per caller and subgraph for 10 s. */
const identities = new Map<string, Identity>();
const signatures = new Map<string, { token: Promise<string>; until: number }>();
const REUSE_MS = 10_000;

function identityOf(authorization: string | null | undefined): { key: string; identity: Identity } {
  const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!bearer) return { key: '', identity: { kind: 'anonymous' } };
  let identity = identities.get(bearer);
  if (!identity) {
    identity = verifyStaffToken(bearer, jwtSecret);
    identities.set(bearer, identity);
  }
  return { key: bearer, identity };
}

function tokenFor(authorization: string | null | undefined, audience: string): Promise<string> {
  const { key, identity } = identityOf(authorization);
  const cacheKey = `${audience}\n${key}`;
  const now = Date.now();
  const cached = signatures.get(cacheKey);
  if (cached && cached.until > now) return cached.token;
  const token = signGatewayIdentity(identity, signingKey, audience);
  signatures.set(cacheKey, { token, until: now + REUSE_MS });
  return token;
}

const signPerFetch: GatewayPlugin = {
  onFetch({ url, options, context }) {
    const audience = subgraphByUrl.get(url);
    if (!audience) return;
    const request = (context as { request?: Request }).request;
    return tokenFor(request?.headers.get('authorization'), audience).then((token) => {
      options.headers = { ...(options.headers as Record<string, string> | undefined), [IDENTITY_HEADER]: token };
    });
  },
};

const runtime = createGatewayRuntime({
  supergraph,
  logging: false,
  ...(planner === 'rust' ? { unifiedGraphHandler } : {}),
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: dedup } } },
  plugins: () => [signPerFetch],
});

createServer(runtime).listen(port, '127.0.0.1', () => process.stdout.write(`hive peer (${planner} planner) on ${port}\n`));
