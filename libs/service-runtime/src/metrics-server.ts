import express, { Express } from 'express';
import { listen, ListeningServer } from '@aftercare/http-server';

/**
 * GET /metrics on a listener of its own (METRICS_PORT): Prometheus reaches this port, the gateway the GraphQL
 * one, and a network policy can tell them apart (it sees ports, not paths).
 */
export async function serveMetricsApart(routes: (app: Express) => void, host: string, port: number): Promise<ListeningServer> {
  const app = express();
  app.disable('x-powered-by');
  routes(app);
  return listen(app, host, port);
}
