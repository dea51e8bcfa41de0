import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { replicaUrls } from './replica-urls';
import { SubgraphTransportConfig } from './transport-config';

export interface SubgraphReply {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  /**
   * Queries only. A request that failed because the subgraph had just closed the kept-alive socket it was
   * written to never reached the subgraph's resolvers, so a query is sent once more on a fresh socket. A
   * mutation is never resent: the transport cannot know whether it was applied.
   */
  idempotent: boolean;
  /** Set for queries that may share an identical in-flight request; it must name the caller's identity. */
  shareKey?: string;
  /** Gives up sooner than the transport's request timeout (a check the caller would rather fail fast). */
  timeoutMs?: number;
}

export interface TransportStats {
  /** Sockets opened to the subgraph since start. */
  opened: number;
  /** The most sockets open to the subgraph at one time. */
  peakOpen: number;
  /** Queries resent once after a kept-alive socket turned out to be closed by the subgraph. */
  resent: number;
  /** Requests answered by an identical in-flight request of the same caller. */
  shared: number;
}

export class SubgraphRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The request went out on a kept-alive socket (not a fresh one). */
    readonly reusedSocket: boolean,
  ) {
    super(message);
  }
}

const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Identical in-flight requests under one share key (which names the caller) answered by one request. A
 * replica pool shares before it picks a replica, so round-robin does not split requests that could be one.
 */
export class InFlightRequests {
  private readonly pending = new Map<string, Promise<SubgraphReply>>();

  share(key: string | undefined, stats: { shared: number }, send: () => Promise<SubgraphReply>): Promise<SubgraphReply> {
    if (key === undefined) return send();
    const pending = this.pending.get(key);
    if (pending) {
      stats.shared += 1;
      return pending;
    }
    const sent = send().finally(() => this.pending.delete(key));
    this.pending.set(key, sent);
    return sent;
  }
}

/**
 * One subgraph's HTTP client: a shared keep-alive agent with a bounded pool, newest-first reuse (the
 * socket used last is the one least likely to be at the end of the subgraph's keep-alive window, and
 * the oldest idle sockets are the ones left to expire) and an idle timeout shorter than the subgraph's.
 */
export class SubgraphHttpClient {
  private readonly agent: Agent;
  private readonly target: URL;
  private readonly send: typeof request;
  private readonly inFlight = new InFlightRequests();
  private open = 0;
  private readonly known = new WeakSet<object>();
  readonly stats: TransportStats = { opened: 0, peakOpen: 0, resent: 0, shared: 0 };

  constructor(
    readonly url: string,
    private readonly config: SubgraphTransportConfig,
  ) {
    this.target = new URL(url);
    const secure = this.target.protocol === 'https:';
    const options = {
      keepAlive: true,
      maxSockets: config.maxSockets,
      maxFreeSockets: config.maxFreeSockets,
      scheduling: 'lifo' as const,
      timeout: config.idleTimeoutMs,
    };
    this.agent = secure ? new HttpsAgent(options) : new Agent(options);
    this.send = secure ? httpsRequest : request;
  }

  post(body: string, headers: Record<string, string>, options: SendOptions): Promise<SubgraphReply> {
    return this.inFlight.share(this.config.dedupInFlight ? options.shareKey : undefined, this.stats, () =>
      this.sendWithResend(body, headers, options),
    );
  }

  /** Closes every socket; requests still queued fail. */
  destroy(): void {
    this.agent.destroy();
  }

  private async sendWithResend(body: string, headers: Record<string, string>, options: SendOptions): Promise<SubgraphReply> {
    const timeoutMs = Math.min(options.timeoutMs ?? Infinity, this.config.requestTimeoutMs);
    try {
      return await this.sendOnce(body, headers, timeoutMs);
    } catch (error) {
      if (!options.idempotent || !(error instanceof SubgraphRequestError) || !error.reusedSocket || !STALE_SOCKET_CODES.has(error.code ?? '')) {
        throw error;
      }
      this.stats.resent += 1;
      return this.sendOnce(body, headers, timeoutMs);
    }
  }

  private sendOnce(body: string, headers: Record<string, string>, timeoutMs: number): Promise<SubgraphReply> {
    return new Promise((resolve, reject) => {
      const req = this.send(
        {
          agent: this.agent,
          protocol: this.target.protocol,
          hostname: this.target.hostname,
          port: this.target.port,
          path: `${this.target.pathname}${this.target.search}`,
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', fail);
          res.once('end', () => {
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      }, timeoutMs);
      function fail(error: NodeJS.ErrnoException) {
        clearTimeout(timer);
        reject(new SubgraphRequestError(`request to ${req.protocol}//${req.host}${req.path} failed, reason: ${error.message}`, error.code, req.reusedSocket));
      }
      req.once('socket', (socket) => {
        if (this.known.has(socket)) return;
        this.known.add(socket);
        this.stats.opened += 1;
        this.open += 1;
        this.stats.peakOpen = Math.max(this.stats.peakOpen, this.open);
        socket.once('close', () => (this.open -= 1));
      });
      req.once('error', fail);
      req.end(body);
    });
  }
}

export interface PoolStats extends TransportStats {
  /** Connections a replica refused; the request (never sent) went on to the next replica, if there was one. */
  refused: number;
}

const REFUSED = 'ECONNREFUSED';
/** A replica that refused a connection is tried after the others for this long, not first in its turn. */
const REFUSED_COOL_DOWN_MS = 1_000;

/**
 * The replicas of one subgraph, each with its own keep-alive client. Requests go round-robin; a replica that
 * refuses the connection never saw the request, so the request — a mutation as much as a query — goes on to
 * the next replica. Any other failure (a reset, a timeout) is the caller's: the request may have been applied.
 */
export class SubgraphReplicaPool {
  readonly replicas: SubgraphHttpClient[];
  private readonly inFlight = new InFlightRequests();
  private readonly refusedUntil = new Map<SubgraphHttpClient, number>();
  private next = 0;
  private readonly own = { shared: 0, refused: 0 };

  constructor(
    urls: string[],
    private readonly config: SubgraphTransportConfig,
  ) {
    if (urls.length === 0) throw new Error('a subgraph needs at least one replica URL');
    // Sharing happens here, across replicas; the replicas' own clients must not share a second time.
    this.replicas = urls.map((url) => new SubgraphHttpClient(url, { ...config, dedupInFlight: false }));
  }

  post(body: string, headers: Record<string, string>, options: SendOptions): Promise<SubgraphReply> {
    return this.inFlight.share(this.config.dedupInFlight ? options.shareKey : undefined, this.own, () => this.sendToAReplica(body, headers, options));
  }

  stats(): PoolStats {
    const replicas = this.replicas.map((replica) => replica.stats);
    const total = (figure: keyof TransportStats) => replicas.reduce((sum, stats) => sum + stats[figure], 0);
    return { opened: total('opened'), peakOpen: total('peakOpen'), resent: total('resent'), shared: this.own.shared, refused: this.own.refused };
  }

  destroy(): void {
    this.replicas.forEach((replica) => replica.destroy());
  }

  private async sendToAReplica(body: string, headers: Record<string, string>, options: SendOptions): Promise<SubgraphReply> {
    let refused: SubgraphRequestError | undefined;
    for (const replica of this.turnOrder()) {
      try {
        const reply = await replica.post(body, headers, { idempotent: options.idempotent, timeoutMs: options.timeoutMs });
        this.refusedUntil.delete(replica);
        return reply;
      } catch (error) {
        if (!(error instanceof SubgraphRequestError) || error.code !== REFUSED) throw error;
        this.refusedUntil.set(replica, Date.now() + REFUSED_COOL_DOWN_MS);
        this.own.refused += 1;
        refused = error;
      }
    }
    throw refused;
  }

  /**
   * Every replica once: round-robin from the next one, those that refused a moment ago last. The turn after
   * this one goes to the replica after the one chosen, so a replica that is down gives its turns to all the
   * others in rotation instead of doubling the load of its neighbour.
   */
  private turnOrder(): SubgraphHttpClient[] {
    if (this.replicas.length === 1) return this.replicas;
    const order = [...this.replicas.slice(this.next), ...this.replicas.slice(0, this.next)];
    const now = Date.now();
    const coolingDown = (replica: SubgraphHttpClient) => (this.refusedUntil.get(replica) ?? 0) > now;
    const turn = [...order.filter((replica) => !coolingDown(replica)), ...order.filter(coolingDown)];
    this.next = (this.replicas.indexOf(turn[0] as SubgraphHttpClient) + 1) % this.replicas.length;
    return turn;
  }
}

/**
 * One client (a replica pool) per subgraph locator — a URL, or several replicas' URLs separated by commas —
 * shared by every data source built for it (supergraph reloads included).
 */
export class SubgraphTransports {
  private readonly pools = new Map<string, SubgraphReplicaPool>();

  constructor(private readonly config: SubgraphTransportConfig) {}

  get dedupInFlight(): boolean {
    return this.config.dedupInFlight;
  }

  clientFor(locator: string): SubgraphReplicaPool {
    let pool = this.pools.get(locator);
    if (!pool) {
      pool = new SubgraphReplicaPool(replicaUrls(locator), this.config);
      this.pools.set(locator, pool);
    }
    return pool;
  }

  /** Per locator: the pool's figures, its replicas' added up. */
  stats(): Record<string, PoolStats> {
    return Object.fromEntries([...this.pools].map(([locator, pool]) => [locator, pool.stats()]));
  }

  destroy(): void {
    this.pools.forEach((pool) => pool.destroy());
    this.pools.clear();
  }
}
