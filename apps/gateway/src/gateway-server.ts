import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import express from 'express';
import { answerGraphqlRequest, listen, sendGraphqlError } from '@aftercare/http-server';
import type { Identity } from '@aftercare/identity';
import type { Logger } from '@aftercare/logging';
import { SupergraphSubgraph, subgraphsOf } from '@aftercare/supergraph';
import { allowOrigins } from './cors';
import { GatewayConfig, subgraphUrl } from './gateway-config';
import { armorFor } from './edge/armor';
import { edgeConfigFrom } from './edge/edge-config';
import { authenticate, clientMistakesAre4xx, rateLimit, requestId, requireJsonPost, requireRequestObject } from './edge/edge-middleware';
import { edgePlugin } from './edge/edge-plugin';
import { maskError } from './edge/error-masking';
import { jsonErrorHandler } from './edge/json-errors';
import { RateLimiter } from './edge/rate-limit';
import { trustedDocuments, TrustedDocuments } from './edge/trusted-documents';
import { checkSubgraphs } from './health/subgraph-readiness';
import { authenticateRequest } from './identity/authenticate-request';
import { PartnerCredentials } from './identity/partner-credentials';
import { defaultSubgraphTransports, GatewayContext, SignedSubgraphDataSource } from './signed-subgraph-data-source';
import { supergraphFromFile } from './supergraph/supergraph-file';
import { gatewayTelemetry } from './telemetry/gateway-telemetry';
import { mountGraphqlIde } from './ide/graphql-ide';
import { installOperationCache } from './execution/operation-cache';
import { installResultShaping } from './execution/result-shaping';
import { markSiblingFetches } from './subgraph-transport/sibling-fetches';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  // The executor's per-request rebuild of the operation, remembered per parsed document (execution/operation-cache).
  installOperationCache();
  // The answer shaped to the client's operation by steps worked out once per selection set (execution/result-shaping).
  installResultShaping();
  const telemetry = gatewayTelemetry();
  let subgraphs: SupergraphSubgraph[] = [];
  const locate = (name: string) => {
    const subgraph = subgraphs.find((candidate) => candidate.name === name);
    if (!subgraph) throw new Error(`the supergraph has no subgraph named ${name}`);
    return subgraphUrl(config, name, subgraph.url);
  };
  const partners = new PartnerCredentials(() => locate('sales'), config.gatewaySigningKey, defaultSubgraphTransports);
  const edge = edgeConfigFrom();
  const armor = armorFor(edge);
  const publishedDocuments = TrustedDocuments.fromFile(edge.trustedDocumentsPath);
  const limiter = new RateLimiter({ redisUrl: edge.rateLimitRedisUrl, warn: logger.warn.bind(logger) });

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphPath, logger, (sdl) => {
      subgraphs = subgraphsOf(sdl);
    }),
    // Sibling fetches to one subgraph at one plan level are sent as one request per caller (entity-fetch-merging).
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => markSiblingFetches(requestContext.context, queryPlan),
    buildService: ({ name, url }) =>
      // Audience-bound (the subgraph's name), signed once per request and subgraph, over a shared keep-alive agent.
      telemetry.traced(new SignedSubgraphDataSource(subgraphUrl(config, name, url ?? ''), config.gatewaySigningKey, name)),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...armor,
    introspection: true, // gated per caller by edgePlugin: staff in development only
    persistedQueries: false, // documents by id come only from the published manifest (trustedDocuments)
    formatError: maskError,
    // Our shutdown drains the HTTP server first; Apollo's own SIGTERM handler would stop executing the requests
    // still in flight and re-raise the signal before they are answered.
    stopOnTerminationSignals: false,
    // Consoles and partners parse the answer; Apollo's default indents it, more bytes on every list to serialise,
    // send and parse again (the subgraphs and the Hive peers answer compact JSON too).
    stringifyResult: JSON.stringify,
    plugins: [...armor.plugins, edgePlugin({ staffIntrospection: edge.staffIntrospection, log: logger.error.bind(logger) })],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(allowOrigins(config.corsOrigins));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', node: process.version });
  });
  app.get('/health/ready', async (_req, res) => {
    const results = await checkSubgraphs(subgraphs.map(({ name, url }) => ({ name, url: subgraphUrl(config, name, url) })));
    const ready = results.length > 0 && results.every((result) => result.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: results });
  });
  telemetry.routes(app);
  mountGraphqlIde(app, { authJwtSecret: config.authJwtSecret });
  app.use(
    '/graphql',
    requestId(),
    clientMistakesAre4xx(),
    requireJsonPost(),
    express.json({ limit: edge.maxBodyBytes, type: ['application/json', 'application/graphql-response+json'], strict: true }),
    requireRequestObject(),
    telemetry.graphqlMiddleware,
    authenticate((req) => authenticateRequest(req, config.authJwtSecret, partners)),
    rateLimit(limiter, { partner: edge.partnerRate, staff: edge.staffRate, anonymous: edge.anonymousRate }),
    trustedDocuments(publishedDocuments, { enforceForPartners: edge.enforcePartnerDocuments }),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const context = async (): Promise<GatewayContext> => ({ identity: res.locals['identity'] as Identity, requestId: res.locals['requestId'] as string });
      answerGraphqlRequest(apollo, req, res, context).catch(next);
    },
  );
  app.use((_req, res) => sendGraphqlError(res, 404, 'NOT_FOUND', 'No such endpoint'));
  app.use(jsonErrorHandler(logger.error.bind(logger)));

  const server = await listen(app, config.host, config.port);
  const { port } = server;
  const url = `http://${config.host}:${port}/graphql`;
  logger.info('gateway ready', { url, supergraph: config.supergraphPath });
  return {
    url,
    port,
    stop: async () => {
      await server.close();
      await apollo.stop();
      defaultSubgraphTransports.destroy();
      await limiter.close();
    },
  };
}
