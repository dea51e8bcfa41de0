import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { buildConnector, errors, Pool } from 'undici';
import { replicaUrls } from './replica-urls';
import { SubgraphTransportConfig } from './transport-config';

/*
 * What undici does here, and what is left to this file (issue 20: keep only what undici cannot do).
 *
 * undici's Pool is each replica's HTTP client: bounded keep-alive connections (`connections`), queueing
 * beyond them, an idle timeout of its own below the subgraph's (keepAliveTimeout, and keepAliveMaxTimeout so a
 * subgraph's longer `Keep-Alive: timeout=` hint cannot raise it), and a per-request deadline. It replaced a
 * node:http Agent with LIFO scheduling and maxFreeSockets: undici hands work to the first free connection and
 * closes each idle one at its own timeout, which retires a burst's surplus the same way.
 *
 * Left here, because undici cannot do it:
 * - In-flight sharing keyed on the caller (InFlightRequests). undici's deduplicate interceptor is for safe
 *   methods (GET/HEAD) and keys on method, URL and headers; GraphQL goes by POST, and the key must name the
 *   caller's identity so two callers never share an answer.
 * - Resending a query once when its kept-alive connection was closed under it (a keep-alive race). undici
 *   fails the request in flight and never retries a POST; its retry interceptor cannot tell a connection that
 *   had already carried answers (the race: nothing reached the resolvers) from a fresh one the subgraph broke
 *   while working. The connector below marks connections that carried data, so only the race is resent, and
 *   only for queries: a mutation may have been applied.
 * - Replica failover on a refused connection, with a cool-down (SubgraphReplicaPool). undici's BalancedPool
 *   spreads requests by weight but fails a request whose upstream refused the connection instead of moving it
 *   to another upstream; a refused connection means nothing was sent, so even a mutation may go to the next
 *   replica, and only this pool knows that.
 * - Socket figures (opened, peak open) for the transport's stats: undici's pool.stats counts connections
 *   now, not since start; the connector counts them.
 */

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
    /** The request went out on a kept-alive socket that had carried earlier answers (not a fresh one). */
    readonly reusedSocket: boolean,
  ) {
    super(message);
  }
}

/** How a connection closed under a request shows: reset, broken pipe, or undici's "other side closed". */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

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

/** Marks an error with whether its connection had carried data before (see the connector). */
const REUSED = Symbol('reused connection');
type MarkedError = Error & { code?: string; [REUSED]?: boolean; socket?: { bytesRead?: number } };

/**
 * One replica's HTTP client: an undici Pool (bounded keep-alive connections, idle timeout below the
 * subgraph's, per-request deadline), plus the query resend on a stale connection and the socket figures.
 */
export class SubgraphHttpClient {
  private readonly pool: Pool;
  private readonly target: URL;
  private readonly inFlight = new InFlightRequests();
  private open = 0;
  readonly stats: TransportStats = { opened: 0, peakOpen: 0, resent: 0, shared: 0 };

  constructor(
    readonly url: string,
    private readonly config: SubgraphTransportConfig,
  ) {
    this.target = new URL(url);
    const connect = buildConnector({});
    this.pool = new Pool(this.target.origin, {
      connections: config.maxSockets,
      keepAliveTimeout: config.idleTimeoutMs,
      keepAliveMaxTimeout: config.idleTimeoutMs,
      headersTimeout: 0,
      bodyTimeout: 0,
      connect: (options, callback) =>
        connect(options, (error, socket) => {
          if (socket) this.counted(socket as Socket);
          if (error) callback(error, null);
          else callback(null, socket!);
        }),
    });
  }

  post(body: string, headers: Record<string, string>, options: SendOptions): Promise<SubgraphReply> {
    return this.inFlight.share(this.config.dedupInFlight ? options.shareKey : undefined, this.stats, () => this.sendWithResend(body, headers, options));
  }

  /** Closes every connection; requests still queued fail. */
  destroy(): void {
    void this.pool.destroy().catch(() => undefined);
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

  private async sendOnce(body: string, headers: Record<string, string>, timeoutMs: number): Promise<SubgraphReply> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await this.pool.request({
        path: `${this.target.pathname}${this.target.search}`,
        method: 'POST',
        headers,
        body,
        signal,
      });
      return {
        status: response.statusCode,
        statusText: response.statusText ?? '',
        headers: response.headers as IncomingHttpHeaders,
        body: await response.body.text(),
      };
    } catch (caught) {
      const error = caught as MarkedError;
      if (signal.aborted) throw new SubgraphRequestError(`request to ${this.url} failed, reason: no answer within ${timeoutMs} ms`, 'ETIMEDOUT', false);
      const code = error.code === 'UND_ERR_SOCKET' || error instanceof errors.SocketError ? 'UND_ERR_SOCKET' : error.code;
      const reused = error[REUSED] ?? (error.socket?.bytesRead ?? 0) > 0;
      throw new SubgraphRequestError(`request to ${this.url} failed, reason: ${error.message}`, code, reused);
    }
  }

  /**
   * Counts a new connection, and marks the errors it raises with whether it had carried data before: an error
   * on a connection that already answered is the keep-alive race; one on a fresh connection is not.
   */
  private counted(socket: Socket): void {
    this.stats.opened += 1;
    this.open += 1;
    this.stats.peakOpen = Math.max(this.stats.peakOpen, this.open);
    socket.once('close', () => (this.open -= 1));
    socket.prependListener('error', (error: MarkedError) => {
      error[REUSED] = socket.bytesRead > 0;
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

  get persistedQueries(): boolean {
    return this.config.persistedQueries;
  }

  /**
   * Counts the mutations answered through these transports. A query joins only in-flight queries sent in the
   * same count (it is part of the share key): a read sent after a mutation's answer never shares a read sent
   * before it, which may have read the data as it was before the write.
   */
  private writes = 0;

  get writeEpoch(): number {
    return this.writes;
  }

  /** A mutation went out and has settled (answered or failed: it may have been applied either way). */
  wrote(): void {
    this.writes += 1;
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
