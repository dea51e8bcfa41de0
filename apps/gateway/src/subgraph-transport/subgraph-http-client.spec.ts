import { Agent, createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { SubgraphHttpClient, SubgraphRequestError } from './subgraph-http-client';
import { SubgraphTransportConfig } from './transport-config';

const QUERY = JSON.stringify({ query: '{ ping }' });
const HEADERS = { 'content-type': 'application/json' };

interface TestSubgraph {
  url: string;
  /** Requests that reached the handler. */
  handled: () => number;
  sockets: () => number;
  /** Connections open right now. */
  openSockets: () => number;
  close(): Promise<void>;
}

async function subgraph(
  handler: (req: IncomingMessage, res: ServerResponse, socketRequests: number) => void,
  keepAliveTimeoutMs: number,
): Promise<TestSubgraph> {
  let handled = 0;
  let sockets = 0;
  let open = 0;
  const perSocket = new WeakMap<Socket, number>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const count = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, count);
      handled += 1;
      handler(req, res, count);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets += 1;
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    handled: () => handled,
    sockets: () => sockets,
    openSockets: () => open,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const answer = (res: ServerResponse, delayMs = 0) =>
  setTimeout(() => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { ping: 'pong' } }));
  }, delayMs);

const config = (overrides: Partial<SubgraphTransportConfig> = {}): SubgraphTransportConfig => ({
  maxSockets: 16,
  idleTimeoutMs: 10_000,
  requestTimeoutMs: 5_000,
  dedupInFlight: true,
  persistedQueries: true,
  ...overrides,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SubgraphHttpClient', () => {
  let target: TestSubgraph | undefined;
  let client: SubgraphHttpClient | undefined;
  afterEach(async () => {
    client?.destroy();
    await target?.close();
    target = client = undefined;
  });

  /**
   * The defect: a burst opened ~1,000 sockets, the subgraph closed the idle ones at the end of its keep-alive
   * window, and the gateway — oldest socket first, no idle timeout of its own — wrote new requests onto
   * sockets the subgraph was closing at that very moment ("socket hang up"). The test subgraph makes that
   * race deterministic: a request arriving on a socket idle longer than its keep-alive window is dropped.
   */
  async function keepAliveRacingSubgraph(windowMs: number): Promise<TestSubgraph> {
    const idleSince = new WeakMap<Socket, number>();
    return subgraph((req, res, socketRequests) => {
      const since = idleSince.get(req.socket);
      if (socketRequests > 1 && since !== undefined && Date.now() - since > windowMs) {
        req.socket.destroy();
        return;
      }
      res.once('finish', () => idleSince.set(req.socket, Date.now()));
      answer(res, 2);
    }, 60_000);
  }

  async function burstThenIdle(post: (idempotent: boolean) => Promise<unknown>, idleMs: number) {
    const burst = await Promise.allSettled(Array.from({ length: 1000 }, () => post(true)));
    const burstFailures = burst.filter((result) => result.status === 'rejected').length;
    await sleep(idleMs);
    let failures = 0;
    for (let round = 0; round < 20; round++) {
      // Sent as mutations would be: nothing may be rescued by a resend.
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => post(false)));
      failures += results.filter((result) => result.status === 'rejected').length;
    }
    return { burstFailures, failures };
  }

  it('burst then idle: 1,000 requests at once stay within the pool, and after the subgraph’s keep-alive ran out nothing fails', async () => {
    target = await keepAliveRacingSubgraph(1_500);
    client = new SubgraphHttpClient(target.url, config({ idleTimeoutMs: 1_000 }));
    const result = await burstThenIdle((idempotent) => client!.post(QUERY, HEADERS, { idempotent }), 2_500);
    console.log(`burst-then-idle: 1000 burst requests, peak sockets ${client.stats.peakOpen}, 200 after idle, failures ${result.failures}`);
    expect(result).toEqual({ burstFailures: 0, failures: 0 });
    expect(client.stats.peakOpen).toBe(16);
    expect(client.stats.resent).toBe(0);
  });

  it('(control) the same pattern through an unbounded, oldest-first agent without an idle timeout fails as the defect did', async () => {
    target = await keepAliveRacingSubgraph(1_500);
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'fifo' });
    const url = new URL(target.url);
    const post = () =>
      new Promise<void>((resolve, reject) => {
        const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: HEADERS }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.end(QUERY);
      });
    const result = await burstThenIdle(post, 2_500);
    agent.destroy();
    console.log(`control: ${target.sockets()} sockets opened by the burst, ${result.failures} of 200 failed after idle`);
    expect(target.sockets()).toBeGreaterThan(100);
    expect(result.failures).toBeGreaterThan(0);
  });

  it('keeps steady traffic on kept-alive connections after a burst, and closes the idle surplus at its own idle timeout', async () => {
    // The subgraph would keep idle connections for 30 s: closing them is the client's doing (undici's keepAliveTimeout).
    target = await subgraph((_req, res) => answer(res), 30_000);
    client = new SubgraphHttpClient(target.url, config({ idleTimeoutMs: 400 }));
    await Promise.all(Array.from({ length: 8 }, () => client!.post(QUERY, HEADERS, { idempotent: true })));
    const afterBurst = target.sockets();
    expect(afterBurst).toBeLessThanOrEqual(8);
    for (let i = 0; i < 20; i++) await client.post(QUERY, HEADERS, { idempotent: true });
    // undici may open one more while a just-finished connection is still settling; never one per request.
    expect(target.sockets() - afterBurst).toBeLessThanOrEqual(1);
    await sleep(1_000);
    expect(target.openSockets()).toBe(0);
  });

  it('resends a query once when its kept-alive socket was closed under it, but never a mutation', async () => {
    // The subgraph drops every connection on its second request: the race of a keep-alive timeout.
    target = await subgraph((req, res, socketRequests) => (socketRequests > 1 ? req.socket.destroy() : answer(res)), 30_000);
    client = new SubgraphHttpClient(target.url, config({ maxSockets: 1 }));

    await client.post(QUERY, HEADERS, { idempotent: true });
    await expect(client.post(QUERY, HEADERS, { idempotent: true })).resolves.toMatchObject({ status: 200 });
    expect(client.stats.resent).toBe(1);

    const handledBefore = target.handled();
    const mutation = client.post(JSON.stringify({ query: 'mutation { act }' }), HEADERS, { idempotent: false });
    await expect(mutation).rejects.toBeInstanceOf(SubgraphRequestError);
    await expect(mutation).rejects.toThrow(/other side closed|socket hang up|ECONNRESET/);
    expect(target.handled() - handledBefore).toBe(1);
    expect(client.stats.resent).toBe(1);
  });

  it('does not resend a query whose fresh connection the subgraph broke while working on it (not the keep-alive race)', async () => {
    target = await subgraph((req) => req.socket.destroy(), 30_000);
    client = new SubgraphHttpClient(target.url, config());
    await expect(client.post(QUERY, HEADERS, { idempotent: true })).rejects.toMatchObject({ reusedSocket: false });
    expect(target.handled()).toBe(1);
    expect(client.stats.resent).toBe(0);
  });

  it('shares an identical in-flight request only under the same share key', async () => {
    target = await subgraph((_req, res) => answer(res, 50), 30_000);
    client = new SubgraphHttpClient(target.url, config());
    const same = await Promise.all([1, 2, 3].map(() => client!.post(QUERY, HEADERS, { idempotent: true, shareKey: 'caller-a\nq' })));
    expect(target.handled()).toBe(1);
    expect(same.map((reply) => reply.status)).toEqual([200, 200, 200]);
    await Promise.all(['caller-a\nq', 'caller-b\nq'].map((shareKey) => client!.post(QUERY, HEADERS, { idempotent: true, shareKey })));
    expect(target.handled()).toBe(3);
    expect(client.stats.shared).toBe(2);
  });

  it('fails a request the subgraph never answers instead of hanging', async () => {
    target = await subgraph(() => undefined, 30_000);
    client = new SubgraphHttpClient(target.url, config({ requestTimeoutMs: 300 }));
    await expect(client.post(QUERY, HEADERS, { idempotent: true })).rejects.toThrow(/no answer within 300 ms/);
  });
});
