import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Identity, REQUEST_ID_HEADER } from '@aftercare/identity';
import { RateLimit } from './edge-config';
import { sendGraphqlError } from '@aftercare/http-server';
import { RateLimiter } from './rate-limit';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every request gets an id (the client's if it is a sane one), echoed in the response and the logs. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const offered = req.header(REQUEST_ID_HEADER);
    const id = offered && CLIENT_REQUEST_ID.test(offered) ? offered : randomUUID();
    res.locals['requestId'] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** GraphQL over HTTP: POST bodies are JSON; anything else is 415 before a byte is parsed. */
export function requireJsonPost(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') return next();
    if (req.method !== 'POST') return sendGraphqlError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST (or GET for queries)');
    if (!req.is(['application/json', 'application/graphql-response+json'])) {
      return sendGraphqlError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the operation as application/json');
    }
    next();
  };
}

/** The parsed body must be one GraphQL request object: no batches, no bare strings. */
export function requireRequestObject(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendGraphqlError(res, 400, 'BAD_REQUEST', 'The body must be one JSON object { query, variables, operationName }');
    }
    next();
  };
}

/** Who is calling, decided once per request before any limit applies; a wrong credential is 401/503 JSON. */
export function authenticate(identify: (req: Request) => Promise<Identity>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals['identity'] = await identify(req);
      next();
    } catch (error) {
      if (error instanceof GraphQLError) {
        const { http, code, ...facts } = error.extensions as { http?: { status?: number }; code?: unknown };
        // Facts such as `retryable` (keys cannot be checked right now) reach the caller; the HTTP hint does not.
        return sendGraphqlError(res, http?.status ?? 401, String(code ?? 'UNAUTHENTICATED'), error.message, facts);
      }
      next(error);
    }
  };
}

/**
 * Per partner, per staff user, per anonymous address: 429 with Retry-After once the caller's window is spent
 * (counted in Redis, shared by every gateway instance, when REDIS_URL is set).
 */
export function rateLimit(limiter: RateLimiter, limits: { partner: RateLimit; staff: RateLimit; anonymous: RateLimit }): RequestHandler {
  return async (req, res, next) => {
    const identity = res.locals['identity'] as Identity;
    const [key, limit] =
      identity.kind === 'partner'
        ? [`partner:${identity.partnerId}`, limits.partner]
        : identity.kind === 'staff'
          ? [`staff:${identity.userId}`, limits.staff]
          : [`ip:${req.ip ?? 'unknown'}`, limits.anonymous];
    const verdict = await limiter.take(key, limit);
    if (verdict.allowed) return next();
    res.setHeader('retry-after', String(verdict.retryAfterSeconds));
    sendGraphqlError(res, 429, 'RATE_LIMITED', 'Too many requests; retry later', { retryAfterSeconds: verdict.retryAfterSeconds });
  };
}

/** Codes that mean the client sent something wrong; Apollo's gateway answers some of them with 500. */
const CLIENT_MISTAKE_STATUS: Record<string, number> = {
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  INVALID_GRAPHQL: 400,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/**
 * The 4xx a response deserves when it carries no data and every error is a client mistake (the highest of
 * their statuses); undefined when any error is not the client's fault or some data was answered.
 */
export function clientMistakeStatus(data: unknown, errors: readonly { extensions?: Record<string, unknown> }[]): number | undefined {
  if ((data !== undefined && data !== null) || errors.length === 0) return undefined;
  const statuses = errors.map((error) => CLIENT_MISTAKE_STATUS[String(error.extensions?.['code'])]);
  return statuses.every((status) => status !== undefined) ? Math.max(...(statuses as number[])) : undefined;
}

/**
 * The last word on the status line: a body with no data whose every error is a client mistake is a 4xx,
 * whatever status the GraphQL engine picked (parse errors and unknown operation names come out as 500).
 */
export function clientMistakesAre4xx(): RequestHandler {
  return (_req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const [chunk] = args;
      if (res.statusCode >= 500 && chunk && !res.headersSent) {
        try {
          const body = JSON.parse(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)) as {
            data?: unknown;
            errors?: { extensions?: Record<string, unknown> }[];
          };
          const status = clientMistakeStatus(body.data, body.errors ?? []);
          if (status !== undefined) res.statusCode = status;
        } catch {
          // not JSON: leave it to the error handler's own status
        }
      }
      return end(...args);
    }) as Response['end'];
    next();
  };
}
