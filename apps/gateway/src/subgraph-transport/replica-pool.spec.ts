import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { freePort } from '@aftercare/testing';
import { SubgraphReplicaPool, SubgraphRequestError, SubgraphTransports } from './subgraph-http-client';
import { SubgraphTransportConfig } from './transport-config';

const QUERY = JSON.stringify({ query: '{ ping }' });
const MUTATION = JSON.stringify({ query: 'mutation { placeOrder }' });
const HEADERS = { 'content-type': 'application/json' };

const config = (overrides: Partial<SubgraphTransportConfig> = {}): SubgraphTransportConfig => ({
  maxSockets: 8,
  idleTimeoutMs: 10_000,
  requestTimeoutMs: 2_000,
  dedupInFlight: true,
  persistedQueries: true,
  ...overrides,
});

interface Replica {
  url: string;
  /** Request bodies that reached this replica. */
  received: string[];
  close(): Promise<void>;
}

/** A subgraph replica on loopback that answers with its own name, after `delayMs`, or drops the connection. */
async function replica(name: string, behaviour: { delayMs?: number; dropConnection?: boolean } = {}): Promise<Replica> {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      if (behaviour.dropConnection) {
        req.socket.destroy();
        return;
      }
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { replica: name } }));
      }, behaviour.delayMs ?? 0);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL where nothing listens: connecting is refused, so no request can have been sent. */
async function refusingUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/graphql`;
}

const answeredBy = async (sent: Promise<{ body: string }>) => (JSON.parse((await sent).body) as { data: { replica: string } }).data.replica;

describe('SubgraphReplicaPool: several replicas of one subgraph behind the gateway', () => {
  const replicas: Replica[] = [];
  let pool: SubgraphReplicaPool | undefined;
  afterEach(async () => {
    pool?.destroy();
    pool = undefined;
    await Promise.all(replicas.splice(0).map((running) => running.close()));
  });

  it('spreads requests round-robin, each replica on its own kept-alive connections', async () => {
    replicas.push(await replica('a'), await replica('b'), await replica('c'));
    pool = new SubgraphReplicaPool(
      replicas.map((running) => running.url),
      config(),
    );
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) answers.push(await answeredBy(pool.post(QUERY, HEADERS, { idempotent: true })));
    expect(replicas.map((running) => running.received.length)).toEqual([10, 10, 10]);
    expect(answers.slice(0, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    // One request at a time: each replica's client kept and reused one socket of its own.
    expect(pool.replicas.map((client) => client.stats.opened)).toEqual([1, 1, 1]);
  });

  it('passes over a replica that refuses the connection, for a query and for a mutation alike, and counts the refusals', async () => {
    replicas.push(await replica('a'), await replica('c'));
    pool = new SubgraphReplicaPool([replicas[0]!.url, await refusingUrl(), replicas[1]!.url], config());
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      answers.push(await answeredBy(pool.post(i % 2 ? MUTATION : QUERY, HEADERS, { idempotent: i % 2 === 0 })));
    }
    // The refusing replica's turns are shared out, not all handed to its neighbour.
    expect([answers.filter((answer) => answer === 'a').length, answers.filter((answer) => answer === 'c').length]).toEqual([6, 6]);
    // Every request reached exactly one replica: nothing sent twice.
    expect(replicas[0]!.received.length + replicas[1]!.received.length).toBe(12);
    expect(replicas[1]!.received.filter((body) => body === MUTATION).length).toBeGreaterThan(0);
    // The refusing replica is tried once, then waits behind the others for its cool-down instead of being asked every third turn.
    expect(pool.stats().refused).toBe(1);
  });

  it('never resends a mutation to another replica once it was sent (the connection broke after sending)', async () => {
    replicas.push(await replica('dropping', { dropConnection: true }), await replica('b'));
    pool = new SubgraphReplicaPool(
      replicas.map((running) => running.url),
      config(),
    );
    await expect(pool.post(MUTATION, HEADERS, { idempotent: false })).rejects.toBeInstanceOf(SubgraphRequestError);
    expect(replicas.map((running) => running.received.length)).toEqual([1, 0]);
  });

  it('fails with the refusal (retryable: nothing was sent) when every replica refuses', async () => {
    pool = new SubgraphReplicaPool([await refusingUrl(), await refusingUrl()], config());
    const failure = pool.post(MUTATION, HEADERS, { idempotent: false });
    await expect(failure).rejects.toBeInstanceOf(SubgraphRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(pool.stats().refused).toBe(2);
  });

  it('shares an identical in-flight query of one caller across the pool, not once per replica', async () => {
    replicas.push(await replica('a', { delayMs: 50 }), await replica('b', { delayMs: 50 }));
    pool = new SubgraphReplicaPool(
      replicas.map((running) => running.url),
      config(),
    );
    await Promise.all(Array.from({ length: 6 }, () => pool!.post(QUERY, HEADERS, { idempotent: true, shareKey: 'caller-a\nq' })));
    expect(replicas[0]!.received.length + replicas[1]!.received.length).toBe(1);
    expect(pool.stats().shared).toBe(5);
  });
});

describe('SubgraphTransports', () => {
  it('builds one pool per locator, a comma-separated replica list included', async () => {
    const transports = new SubgraphTransports(config());
    const a = await replica('a');
    const b = await replica('b');
    try {
      const locator = ` ${a.url} , ${b.url} `;
      const pool = transports.clientFor(locator);
      expect(transports.clientFor(locator)).toBe(pool);
      expect(pool.replicas.map((client) => client.url)).toEqual([a.url, b.url]);
      expect(transports.clientFor(a.url).replicas).toHaveLength(1);
      await pool.post(QUERY, HEADERS, { idempotent: true });
      await pool.post(QUERY, HEADERS, { idempotent: true });
      expect([a.received.length, b.received.length]).toEqual([1, 1]);
      expect(transports.stats()[locator]).toMatchObject({ opened: 2, refused: 0 });
    } finally {
      transports.destroy();
      await a.close();
      await b.close();
    }
  });
});
