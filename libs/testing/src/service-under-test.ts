import { IDENTITY_HEADER, Identity, signGatewayIdentity, ANONYMOUS } from '@aftercare/identity';
import { createLogger } from '@aftercare/logging';
import { dropDatabase } from '@aftercare/persistence';
import { RunningService, ServiceDefinition, serviceConfigFrom, startService } from '@aftercare/service-runtime';
import { GraphqlResponse, postGraphql } from './graphql-client';
import { isolatedEnv } from './isolated-env';

export interface ServiceUnderTest {
  service: RunningService;
  env: NodeJS.ProcessEnv;
  /** Sends an operation as if the gateway had authenticated `identity`. */
  graphql<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GraphqlResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * Starts a real service — real database, migrations, outbox relay and Kafka consumer — on a free port,
 * isolated from every other test. `env` lets several services of one test share a namespace.
 */
export async function startServiceUnderTest(definition: ServiceDefinition, env: NodeJS.ProcessEnv = isolatedEnv(definition.name)): Promise<ServiceUnderTest> {
  const config = { ...serviceConfigFrom(definition, env), port: 0 };
  const service = await startService(definition, config, createLogger(definition.name));
  return {
    service,
    env,
    graphql: async (query, variables = {}, identity = ANONYMOUS) =>
      postGraphql(service.url, query, variables, {
        [IDENTITY_HEADER]: await signGatewayIdentity(identity, env['GATEWAY_SIGNING_KEY'] ?? '', definition.name),
      }),
    stop: async () => {
      await service.stop();
      await dropDatabase(config.database);
    },
  };
}
