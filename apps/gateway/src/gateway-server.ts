import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { listen } from '@aftercare/http-server';
import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER } from '@aftercare/identity';
import type { Logger } from '@aftercare/logging';
import { SupergraphSubgraph, subgraphsOf } from '@aftercare/supergraph';
import { allowOrigins } from './cors';
import { GatewayConfig, subgraphUrl } from './gateway-config';
import { checkSubgraphs } from './health/subgraph-readiness';
import { authenticateRequest } from './identity/authenticate-request';
import { PartnerCredentials } from './identity/partner-credentials';
import { GatewayContext, SignedSubgraphDataSource } from './signed-subgraph-data-source';
import { supergraphFromFile } from './supergraph/supergraph-file';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  let subgraphs: SupergraphSubgraph[] = [];
  const locate = (name: string) => {
    const subgraph = subgraphs.find((candidate) => candidate.name === name);
    if (!subgraph) throw new Error(`the supergraph has no subgraph named ${name}`);
    return subgraphUrl(config, name, subgraph.url);
  };
  const partners = new PartnerCredentials(() => locate('sales'), config.gatewaySigningSecret);

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphPath, logger, (sdl) => {
      subgraphs = subgraphsOf(sdl);
    }),
    buildService: ({ name, url }) => new SignedSubgraphDataSource(subgraphUrl(config, name, url ?? ''), config.gatewaySigningSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: false });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(allowOrigins(config.corsOrigins));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const results = await checkSubgraphs(subgraphs.map(({ name, url }) => ({ name, url: subgraphUrl(config, name, url) })));
    const ready = results.length > 0 && results.every((result) => result.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: results });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        identity: await authenticateRequest(req, config.authJwtSecret, partners),
        requestId: req.header(REQUEST_ID_HEADER) ?? randomUUID(),
      }),
    }),
  );

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
    },
  };
}
