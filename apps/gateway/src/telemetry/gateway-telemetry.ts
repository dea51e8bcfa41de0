import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { context, propagation } from '@opentelemetry/api';
import type { Express, RequestHandler } from 'express';
import { graphqlTelemetry, PlatformMetrics, startTracing } from '@aftercare/telemetry';

export interface GatewayTelemetry {
  metrics: PlatformMetrics;
  /** GET /metrics. */
  routes(app: Express): void;
  /** The request's SERVER span and per-operation histogram; mount after the body is parsed. */
  graphqlMiddleware: RequestHandler;
  /** Sends the active trace context (the gateway's fetch span) to the subgraph as W3C `traceparent`. */
  traced<T extends RemoteGraphQLDataSource<never>>(source: T): T;
}

/**
 * Tracing and metrics for the gateway. @apollo/gateway already makes OpenTelemetry spans of its own
 * (gateway.request, gateway.plan, gateway.execute, gateway.fetch per subgraph call); with a tracer provider
 * installed they join the request's span, and the fetch span becomes the subgraph request's parent.
 */
export function gatewayTelemetry(): GatewayTelemetry {
  startTracing('gateway');
  const metrics = new PlatformMetrics('gateway');
  return {
    metrics,
    routes: (app) => {
      app.get('/metrics', metrics.handler());
    },
    graphqlMiddleware: graphqlTelemetry('gateway', metrics),
    traced: (source) => {
      const sendRequest = source.willSendRequest?.bind(source);
      source.willSendRequest = async (options: GraphQLDataSourceProcessOptions<never>) => {
        await sendRequest?.(options);
        const headers = options.request.http?.headers;
        if (headers)
          propagation.inject(context.active(), headers, {
            set: (carrier: { set(key: string, value: string): unknown }, key: string, value: string) => carrier.set(key, value),
          });
      };
      return source;
    },
  };
}
