/**
 * The benchmark's peer: Hive Gateway (@graphql-hive/gateway-runtime, one process, one worker) on the same
 * supergraph, sending each subgraph the same audience-bound Ed25519 identity our gateway sends. Staff
 * callers only (Bearer JWT); in-flight deduplication off unless HIVE_DEDUP=on.
 *   HIVE_PORT, SUPERGRAPH_FILE (URLs already pointing at the running subgraphs), AUTH_JWT_SECRET, GATEWAY_SIGNING_KEY
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { Identity, signGatewayIdentity, verifyStaffToken } from '@aftercare/identity';

const port = Number(process.env['HIVE_PORT']);
const jwtSecret = process.env['AUTH_JWT_SECRET']!;
const signingKey = process.env['GATEWAY_SIGNING_KEY']!;
const dedup = process.env['HIVE_DEDUP'] === 'on';

/** One signature per client request and subgraph, as our gateway does. */
const signed = new WeakMap<Request, Map<string, Promise<string>>>();

function identityOf(request: Request): Identity {
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer ? verifyStaffToken(bearer, jwtSecret) : { kind: 'anonymous' };
}

const runtime = createGatewayRuntime({
  supergraph: readFileSync(process.env['SUPERGRAPH_FILE']!, 'utf8'),
  logging: false,
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: dedup } } },
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request, subgraphName }) => {
      let bySubgraph = signed.get(request);
      if (!bySubgraph) {
        bySubgraph = new Map();
        signed.set(request, bySubgraph);
      }
      let token = bySubgraph.get(subgraphName);
      if (!token) {
        token = signGatewayIdentity(identityOf(request), signingKey, subgraphName);
        bySubgraph.set(subgraphName, token);
      }
      return { 'x-aftercare-identity': await token };
    },
  },
});

createServer(runtime).listen(port, '127.0.0.1', () => process.stdout.write(`hive peer on ${port}\n`));
