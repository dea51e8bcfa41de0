import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { listen } from '@aftercare/http-server';
import { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { GatewayVerificationKeys, IDENTITY_HEADER, InvalidGatewaySignatureError, REQUEST_ID_HEADER, verifyGatewayIdentity } from '@aftercare/identity';
import type { Logger } from '@aftercare/logging';
import { DomainError, ErrorCodes, RequestContext } from '@aftercare/subgraph';
import { createErrorFormatter } from './format-error';
import { GraphqlMiddleware, graphqlRoute } from './graphql-route';
import { inputGuardPlugin } from './input-guard';
import { createRequestContext } from './request-context';

export interface SubgraphServerOptions {
  schema: GraphQLSchema;
  host: string;
  port: number;
  /** The gateway's public keys; requests without an identity it signed for this subgraph are refused. */
  gatewayKeys: GatewayVerificationKeys;
  /** This subgraph's name: the audience a gateway token must name. */
  audience: string;
  logger: Logger;
  /** Answers whether the service can do its work (database reachable, …). */
  isReady: () => Promise<boolean>;
  /** Platform routes (GET /metrics) and middleware for the parsed GraphQL request (tracing, request metrics). */
  observability?: { routes(app: express.Express): void; graphqlMiddleware: GraphqlMiddleware[] };
}

export interface RunningSubgraphServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraphServer> {
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger, options.audience),
    includeStacktraceInErrorResponses: false,
    // The service runtime owns SIGTERM: Apollo's own handler would stop executing operations while requests are
    // still in flight and then re-raise the signal, killing the process before consumers commit and leave.
    stopOnTerminationSignals: false,
    // Traces are for Apollo's cloud, which this platform never talks to. No answer is cached by HTTP hints either,
    // and the cache-control plugin would otherwise wrap every field resolver to compute them.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), inputGuardPlugin()],
    // Only the gateway reads a subgraph's answers: Apollo's default indents them, a fifth more bytes to write,
    // send over the network and parse again on every fetch.
    stringifyResult: JSON.stringify,
    // The gateway names a query it has sent before by its hash alone (apps/gateway persisted-queries.ts): kept
    // until the in-memory cache needs the room, and refused as not found after that, when the gateway sends the text.
    persistedQueries: { ttl: null },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', node: process.version });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await options.isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  options.observability?.routes(app);
  const graphql = graphqlRoute(apollo, {
    maxBodyBytes: 1024 * 1024,
    middleware: options.observability?.graphqlMiddleware ?? [],
    context: async (req) => {
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const requestId = header(REQUEST_ID_HEADER) ?? randomUUID();
      try {
        const identity = await verifyGatewayIdentity(header(IDENTITY_HEADER), options.gatewayKeys, options.audience);
        return createRequestContext(identity, requestId);
      } catch (error) {
        if (!(error instanceof InvalidGatewaySignatureError)) throw error;
        throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'Subgraphs only answer requests signed by the gateway', {
          http: { status: 401 },
        });
      }
    },
  });

  // GraphQL goes straight to Apollo (graphqlRoute); health and metrics through Express.
  const server = await listen(
    (req, res) => (req.url === '/graphql' || req.url?.startsWith('/graphql?') ? graphql(req, res) : app(req, res)),
    options.host,
    options.port,
  );
  const { port } = server;
  const url = `http://${options.host}:${port}/graphql`;
  return {
    url,
    port,
    stop: async () => {
      await server.close();
      await apollo.stop();
    },
  };
}
