import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
 * One subgraph's HTTP client: a shared keep-alive agent with a bounded pool, newest-first reuse (the
 * socket used last is the one least likely to be at the end of the subgraph's keep-alive window, and
 * the oldest idle sockets are the ones left to expire) and an idle timeout shorter than the subgraph's.
 */
export class SubgraphHttpClient {
  private readonly agent: Agent;
  private readonly target: URL;
  private readonly send: typeof request;
  private readonly inFlight = new Map<string, Promise<SubgraphReply>>();
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
    const key = this.config.dedupInFlight ? options.shareKey : undefined;
    if (key === undefined) return this.sendWithResend(body, headers, options.idempotent);
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.shared += 1;
      return pending;
    }
    const sent = this.sendWithResend(body, headers, options.idempotent).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, sent);
    return sent;
  }

  /** Closes every socket; requests still queued fail. */
  destroy(): void {
    this.agent.destroy();
  }

  private async sendWithResend(body: string, headers: Record<string, string>, idempotent: boolean): Promise<SubgraphReply> {
    try {
      return await this.sendOnce(body, headers);
    } catch (error) {
      if (!idempotent || !(error instanceof SubgraphRequestError) || !error.reusedSocket || !STALE_SOCKET_CODES.has(error.code ?? '')) {
        throw error;
      }
      this.stats.resent += 1;
      return this.sendOnce(body, headers);
    }
  }

  private sendOnce(body: string, headers: Record<string, string>): Promise<SubgraphReply> {
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
        req.destroy(Object.assign(new Error(`no answer within ${this.config.requestTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
      }, this.config.requestTimeoutMs);
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

/** One client per subgraph URL, shared by every data source built for it (supergraph reloads included). */
export class SubgraphTransports {
  private readonly clients = new Map<string, SubgraphHttpClient>();

  constructor(private readonly config: SubgraphTransportConfig) {}

  get dedupInFlight(): boolean {
    return this.config.dedupInFlight;
  }

  clientFor(url: string): SubgraphHttpClient {
    let client = this.clients.get(url);
    if (!client) {
      client = new SubgraphHttpClient(url, this.config);
      this.clients.set(url, client);
    }
    return client;
  }

  stats(): Record<string, TransportStats> {
    return Object.fromEntries([...this.clients].map(([url, client]) => [url, { ...client.stats }]));
  }

  destroy(): void {
    this.clients.forEach((client) => client.destroy());
    this.clients.clear();
  }
}
