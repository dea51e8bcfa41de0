import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Telling "the database is not there right now" apart from every other failure. Callers treat the two very
 * differently: an unreachable database is waited out (an event is retried without counting an attempt, a
 * request gets a retryable DATABASE_UNAVAILABLE), while any other error is a bug or a business refusal.
 */

/** SQLSTATEs that mean the server or the session went away, not that the statement was wrong. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is shutting down (pg_ctl stop -m fast, a failover)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);
/** Class 08 is "connection exception" as a whole. */
const CONNECTION_EXCEPTION_CLASS = '08';

/** Socket errors from connecting to, or talking to, a server that is not there. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** node-postgres reports a dead connection or pool checkout with these messages and no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // unexpectedly, due to connection timeout
  /is not queryable$/, // a client that already lost its connection
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection within connectionTimeoutMillis
];

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  query?: unknown;
  driverError?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** The error and whatever it wraps: TypeORM's driverError, a GraphQLError's originalError, an Error's cause. */
function* chain(error: unknown): Generator<ErrorShape> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const shape = current as ErrorShape;
    yield shape;
    current = shape.driverError ?? shape.originalError ?? shape.cause;
  }
}

function meansUnavailable(link: ErrorShape): boolean {
  // TypeORM releases a transaction's runner the moment its connection reports an error and drops that error, so
  // the transaction's next statement fails with one of these instead (through the runner, or through the
  // transaction's EntityManager). Our code only ever uses runners through transactions, so here it always means the
  // connection died under an open transaction (rolled back).
  if (link instanceof QueryRunnerAlreadyReleasedError || link instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const { code, message } = link;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS)) return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

export interface DatabaseUnavailability {
  /**
   * The connection was lost while COMMIT was on its way: the server may have committed before it went
   * away. Anything else that failed for want of a database was rolled back (or never started), so it is
   * safe to try again; this one only the caller can check.
   */
  outcomeUnknown: boolean;
}

/** Whether this error means the database could not be reached; null when it is any other kind of failure. */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | null {
  const links = [...chain(error)];
  if (!links.some(meansUnavailable)) return null;
  return { outcomeUnknown: links.some((link) => typeof link.query === 'string' && /^\s*COMMIT\b/i.test(link.query)) };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailability(error) !== null;
}

const NOT_NULL_VIOLATION = '23502';

/**
 * The column (as the graph spells it: camelCase) a statement tried to leave empty when it must have a value, or
 * null. Reaching the database this way means a client sent an explicit null for a field the input mapping did
 * not treat as "not given": that is the client's input, not an internal failure.
 */
export function missingRequiredColumn(error: unknown): string | null {
  for (const link of chain(error)) {
    const column = (link as { column?: unknown }).column;
    if (link.code === NOT_NULL_VIOLATION && typeof column === 'string') return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  }
  return null;
}
