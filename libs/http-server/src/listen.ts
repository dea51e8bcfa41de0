import { createServer, RequestListener, ServerResponse } from 'node:http';
import { AddressInfo, Server as NetServer } from 'node:net';

export interface ListeningServer {
  /** The bound port: the requested one, or the one the OS picked for port 0. */
  port: number;
  /**
   * Stops accepting, closes idle keep-alive connections at once, lets requests in flight finish (their
   * responses say `Connection: close`), and cuts whatever is still open after the grace period.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * How long an idle keep-alive connection stays open on our servers. Every client of ours (the gateway's
 * subgraph agents) closes its idle sockets earlier than this (HTTP_CLIENT_IDLE_TIMEOUT_MS, 10 s), so the
 * server never closes a socket a client is about to reuse. Node's default is 5 s, shorter than most clients'.
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 30_000;
/** Must exceed keepAliveTimeout, or Node may drop a reused connection while its next request's headers arrive. */
export const SERVER_HEADERS_TIMEOUT_MS = SERVER_KEEP_ALIVE_TIMEOUT_MS + 5_000;
/** A whole request (headers and body) must arrive within this; a slow sender cannot hold a socket forever. */
export const SERVER_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface ServerTimeouts {
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /**
   * After a stop, how long kept-alive connections are still served (each answer closing its connection) before
   * idle ones are closed. A client may be writing onto an idle connection at the moment the server closes it,
   * and then cannot know whether the request arrived (a mutation is never resent). Lingering past the clients'
   * idle timeout (the gateway's 10 s) means every connection is closed by its client or after an answer, never
   * under a request: what a rolling deploy needs. 0 (the default) closes idle connections at once.
   */
  shutdownLingerMs?: number;
}

/** The timeouts every platform server uses; HTTP_KEEP_ALIVE_TIMEOUT_MS may raise or lower keep-alive (tests). */
export function serverTimeoutsFrom(env: NodeJS.ProcessEnv = process.env): ServerTimeouts {
  const configured = Number(env['HTTP_KEEP_ALIVE_TIMEOUT_MS']);
  const keepAliveTimeoutMs = Number.isFinite(configured) && configured > 0 ? configured : SERVER_KEEP_ALIVE_TIMEOUT_MS;
  return {
    keepAliveTimeoutMs,
    headersTimeoutMs: keepAliveTimeoutMs + (SERVER_HEADERS_TIMEOUT_MS - SERVER_KEEP_ALIVE_TIMEOUT_MS),
    requestTimeoutMs: Math.max(SERVER_REQUEST_TIMEOUT_MS, keepAliveTimeoutMs + 10_000),
    shutdownLingerMs: Math.max(0, Number(env['SHUTDOWN_LINGER_MS']) || 0),
  };
}

/** Every HTTP endpoint of the platform (subgraphs, gateway) listens and stops the same way; `app` is an Express app or any request listener. */
export async function listen(app: RequestListener, host: string, port: number, timeouts: ServerTimeouts = serverTimeoutsFrom()): Promise<ListeningServer> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;

  let draining = false;
  let lingering = false;
  const inFlight = new Set<ServerResponse>();
  const closeConnectionAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  // Runs before the app: a response written while shutting down closes its connection behind it.
  server.prependListener('request', (_req, res) => {
    if (draining) closeConnectionAfter(res);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A response that had already started before shutdown leaves an idle socket behind: close it too.
      if (draining && !lingering) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closing: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    close: (graceMs = DEFAULT_SHUTDOWN_GRACE_MS) => {
      closing ??= new Promise<void>((resolve) => {
        draining = true;
        inFlight.forEach(closeConnectionAfter);
        const lingerMs = timeouts.shutdownLingerMs ?? 0;
        const cutOff = setTimeout(() => server.closeAllConnections(), lingerMs + graceMs);
        cutOff.unref();
        const closed = () => {
          clearTimeout(cutOff);
          resolve();
        };
        if (lingerMs === 0) {
          server.close(closed);
          // Idle keep-alive connections carry no request: close them now rather than after keepAliveTimeout.
          server.closeIdleConnections();
          return;
        }
        // Stop accepting without http.Server#close, which would close the idle connections at once too.
        lingering = true;
        NetServer.prototype.close.call(server, closed);
        setTimeout(() => {
          lingering = false;
          server.closeIdleConnections();
        }, lingerMs).unref();
      });
      return closing;
    },
  };
}
