/** How the gateway talks to its subgraphs; every figure can be overridden from the environment. */
export interface SubgraphTransportConfig {
  /** Connections per subgraph replica at most (undici Pool `connections`); requests beyond wait in its queue. */
  maxSockets: number;
  /**
   * An idle socket is closed after this long — below the subgraphs' keepAliveTimeout (30 s, libs/http-server),
   * so the gateway never hands out a socket the subgraph is closing. A shorter `Keep-Alive: timeout=` hint
   * from a subgraph lowers it further (undici honours it, less a second); a longer one cannot raise it.
   */
  idleTimeoutMs: number;
  /** A subgraph request that has not answered by then fails (and frees its socket) instead of hanging. */
  requestTimeoutMs: number;
  /** Identical in-flight queries of the same caller to the same subgraph share one request. */
  dedupInFlight: boolean;
  /** Subgraph fetches name their query by hash, sending its text on first use and when a subgraph asks (persisted-queries.ts). */
  persistedQueries: boolean;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function subgraphTransportConfigFrom(env: NodeJS.ProcessEnv = process.env): SubgraphTransportConfig {
  return {
    maxSockets: positive(env, 'SUBGRAPH_MAX_SOCKETS', 64),
    idleTimeoutMs: positive(env, 'HTTP_CLIENT_IDLE_TIMEOUT_MS', 10_000),
    requestTimeoutMs: positive(env, 'SUBGRAPH_REQUEST_TIMEOUT_MS', 30_000),
    dedupInFlight: env['GATEWAY_INFLIGHT_DEDUP'] !== 'off',
    persistedQueries: env['GATEWAY_SUBGRAPH_PERSISTED_QUERIES'] !== 'off',
  };
}
