import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateGatewayKeyPair, Identity, IDENTITY_HEADER, parsePublicKey, verificationKeys, verifyGatewayIdentity } from '@aftercare/identity';
import { GatewayContext, SignedSubgraphDataSource } from '../signed-subgraph-data-source';
import { SignatureCache } from './request-identity';
import { SubgraphTransports } from './subgraph-http-client';
import { subgraphTransportConfigFrom } from './transport-config';

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (@apollo/gateway does not export the enum from its entry point). */
const INCOMING = 'incoming operation' as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['kind'];
const keys = generateGatewayKeyPair();
const trusted = verificationKeys([parsePublicKey(keys.publicKey)]);
const SALES: Identity = { kind: 'staff', userId: 'li.na', name: 'Li Na', roles: ['SALES'] };
const PARTNER: Identity = { kind: 'partner', partnerId: 'p-haier', partnerCode: 'HAIER' };
const SAME_NAME_OTHER_ROLE: Identity = { kind: 'staff', userId: 'li.na', name: 'Li Na', roles: ['DISPATCHER'] };

/** A subgraph whose answer depends only on who is asking (like `myOrders`): slow enough for requests to overlap. */
async function whoAmISubgraph() {
  const tokens: string[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      const token = String(req.headers[IDENTITY_HEADER]);
      tokens.push(token);
      void verifyGatewayIdentity(token, trusted, 'sales').then((identity) =>
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: { whoAmI: JSON.stringify(identity) } }));
        }, 40),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    tokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function fetchAs(source: SignedSubgraphDataSource, context: GatewayContext) {
  return source.process({
    kind: INCOMING,
    request: { query: '{ whoAmI }', variables: {} },
    context,
    incomingRequestContext: {} as never,
  });
}

describe('in-flight deduplication keyed on the caller', () => {
  let subgraph: Awaited<ReturnType<typeof whoAmISubgraph>>;
  let transports: SubgraphTransports;
  beforeEach(async () => {
    subgraph = await whoAmISubgraph();
    // These subgraphs answer without reading the query, so they would answer a query named by its hash alone too.
    transports = new SubgraphTransports(subgraphTransportConfigFrom({ GATEWAY_SUBGRAPH_PERSISTED_QUERIES: 'off' }));
  });
  afterEach(async () => {
    transports.destroy();
    await subgraph.close();
  });

  it('fires byte-identical subgraph requests of three callers at once: no answer crosses over, each caller’s share one request', async () => {
    const source = new SignedSubgraphDataSource(subgraph.url, keys.privateKey, 'sales', transports);
    const callers = [SALES, PARTNER, SAME_NAME_OTHER_ROLE];
    const calls = Array.from({ length: 150 }, (_, i) => callers[i % callers.length]!);
    const answers = await Promise.all(calls.map((identity, i) => fetchAs(source, { identity, requestId: `r-${i}` })));

    const crossedOver = answers.filter((answer, i) => answer.data?.['whoAmI'] !== JSON.stringify(calls[i])).length;
    const stats = transports.stats()[subgraph.url]!;
    console.log(
      `identity-keyed dedup: 150 requests of 3 callers, ${subgraph.requests()} reached the subgraph, ${stats.shared} shared, ${crossedOver} crossed over`,
    );
    expect(crossedOver).toBe(0);
    expect(subgraph.requests()).toBe(3);
    expect(stats.shared).toBe(147);
    // Each caller got its own parsed objects, never a reference into another caller's result.
    expect(new Set(answers.map((answer) => answer.data)).size).toBe(150);
  });

  it('shares nothing when deduplication is off (the benchmark’s engine-cost setting)', async () => {
    const off = new SubgraphTransports(subgraphTransportConfigFrom({ GATEWAY_INFLIGHT_DEDUP: 'off', GATEWAY_SUBGRAPH_PERSISTED_QUERIES: 'off' }));
    const source = new SignedSubgraphDataSource(subgraph.url, keys.privateKey, 'sales', off);
    await Promise.all(Array.from({ length: 10 }, (_, i) => fetchAs(source, { identity: SALES, requestId: `r-${i}` })));
    expect(subgraph.requests()).toBe(10);
    off.destroy();
  });

  it('never shares a mutation, even between identical requests of one caller', async () => {
    const source = new SignedSubgraphDataSource(subgraph.url, keys.privateKey, 'sales', transports);
    const context: GatewayContext = { identity: SALES, requestId: 'r-m' };
    await Promise.all(
      [1, 2].map(() =>
        source.process({
          kind: INCOMING,
          request: { query: 'mutation { whoAmI }', variables: {} },
          context,
          incomingRequestContext: {} as never,
        }),
      ),
    );
    expect(subgraph.requests()).toBe(2);
  });

  it('reads your writes: a query sent after a mutation’s answer never joins a query sent before it', async () => {
    // A counter subgraph: a query reads the counter when it arrives and answers 150 ms later; a mutation bumps it at once.
    let counter = 0;
    let requests = 0;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        requests += 1;
        const mutation = body.includes('mutation');
        if (mutation) counter += 1;
        const seen = counter;
        setTimeout(
          () => {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ data: { counter: seen } }));
          },
          mutation ? 0 : 150,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const source = new SignedSubgraphDataSource(url, keys.privateKey, 'sales', transports);
    const send = (query: string) =>
      source.process({ kind: INCOMING, request: { query, variables: {} }, context: { identity: SALES, requestId: 'r' }, incomingRequestContext: {} as never });

    try {
      const before = send('{ counter }');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await send('mutation { bump }');
      const [after, alongside] = await Promise.all([send('{ counter }'), send('{ counter }')]);
      expect((await before).data).toEqual({ counter: 0 });
      expect(after.data).toEqual({ counter: 1 });
      // Queries sent together after the write still share one request.
      expect(alongside.data).toEqual({ counter: 1 });
      expect(requests).toBe(3);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('signs once per caller and subgraph for 10 s: fetches and requests of one caller share a token, another caller gets its own', async () => {
    let signatures = 0;
    let now = 1_000_000;
    class CountingDataSource extends SignedSubgraphDataSource {
      protected override sign(identity: Identity, audience?: string): Promise<string> {
        signatures += 1;
        return super.sign(identity, audience);
      }
    }
    const source = new CountingDataSource(subgraph.url, keys.privateKey, 'sales', transports, new SignatureCache(() => now));
    const context: GatewayContext = { identity: SALES, requestId: 'r-1' };
    for (let fetch = 0; fetch < 3; fetch++) await fetchAs(source, context);
    expect(signatures).toBe(1);
    await fetchAs(source, { identity: { ...SALES }, requestId: 'r-2' });
    expect(signatures).toBe(1);
    await fetchAs(source, { identity: { ...SALES, roles: ['ADMIN'] }, requestId: 'r-3' });
    expect(signatures).toBe(2);
    now += 10_000;
    await fetchAs(source, { identity: SALES, requestId: 'r-4' });
    expect(signatures).toBe(3);
    expect(subgraph.tokens).toHaveLength(6);
  });
});
