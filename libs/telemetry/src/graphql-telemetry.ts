import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformMetrics } from './metrics';
import { tracerFor } from './tracing';

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

function operationNameOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName) return operationName;
  return typeof query === 'string' ? NAMED_OPERATION.exec(query)?.[1] : undefined;
}

/**
 * For the GraphQL route, after the body is parsed: a SERVER span per request, child of the caller's W3C
 * `traceparent` (the gateway's fetch span for a subgraph), active for everything the request does; and the
 * request's duration in the per-operation histogram.
 */
/** Middleware over Node's own request and response (Express's extend them), after the body is parsed. */
export type GraphqlRequestMiddleware = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void) => void;

export function graphqlTelemetry(service: string, metrics: PlatformMetrics): GraphqlRequestMiddleware {
  const tracer = tracerFor(service);
  return (req, res, next) => {
    const operation = metrics.operationLabel(operationNameOf(req.body));
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `graphql ${operation}`,
      { kind: SpanKind.SERVER, attributes: { 'graphql.operation.name': operation, 'http.request.method': req.method, 'aftercare.service': service } },
      parent,
    );
    const stopTimer = metrics.requestDuration.startTimer({ operation });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const status = res.headersSent ? res.statusCode : 499;
      stopTimer({ status: `${Math.floor(status / 100)}xx` });
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), () => next());
  };
}
