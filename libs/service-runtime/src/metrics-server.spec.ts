import { randomBytes } from 'node:crypto';
import { Query, Resolver } from 'type-graphql';
import { generateGatewayKeyPair } from '@aftercare/identity';
import { createLogger } from '@aftercare/logging';
import { dropDatabase } from '@aftercare/persistence';
import { AUTHENTICATED, defineAccessTable, Guarded } from '@aftercare/subgraph';
import { serviceConfigFrom } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { RunningService, startService } from './start-service';

@Resolver()
class PingResolver {
  @Guarded()
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

const definition: ServiceDefinition = {
  name: 'complaints',
  defaultPort: 0,
  entities: [],
  migrations: [],
  resolvers: [PingResolver],
  access: defineAccessTable({ service: 'complaints', Query: { ping: [AUTHENTICATED] }, Mutation: {} }),
};
const quiet = createLogger('complaints', undefined, 'silent');

/** A real service (its own database on the real PostgreSQL, the real broker under a namespace of its own) on free ports. */
async function started(extra: NodeJS.ProcessEnv): Promise<RunningService> {
  const suffix = randomBytes(4).toString('hex');
  const env = {
    ...process.env,
    DATABASE_PREFIX: `t_metrics_${suffix}`,
    KAFKA_NAMESPACE: `test.metrics.${suffix}.`,
    GATEWAY_PUBLIC_KEYS: generateGatewayKeyPair().publicKey,
    ...extra,
  };
  const config = { ...serviceConfigFrom(definition, env), port: 0 };
  const service = await startService(definition, config, quiet);
  running.push({ service, database: config.database });
  return service;
}

const running: { service: RunningService; database: Parameters<typeof dropDatabase>[0] }[] = [];
afterAll(async () => {
  for (const { service, database } of running) {
    await service.stop();
    await dropDatabase(database);
  }
});

const statusOf = async (url: string) => (await fetch(url)).status;

describe('where a service serves /metrics', () => {
  it('with METRICS_PORT: on that port only; the GraphQL port serves GraphQL and health, no metrics', async () => {
    const service = await started({ METRICS_PORT: '0' });
    expect(service.metricsPort).toEqual(expect.any(Number));
    expect(service.metricsPort).not.toBe(service.port);
    const metrics = await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('aftercare_db_statements_total');
    expect(await statusOf(`http://127.0.0.1:${service.port}/metrics`)).toBe(404);
    expect(await statusOf(`http://127.0.0.1:${service.port}/health/ready`)).toBe(200);
    // Nothing but /metrics on the metrics port: not GraphQL, not health.
    expect(await statusOf(`http://127.0.0.1:${service.metricsPort}/graphql`)).toBe(404);
  });

  it('without it: on the GraphQL port, as in development', async () => {
    const service = await started({ METRICS_PORT: '' });
    expect(service.metricsPort).toBeUndefined();
    expect(await statusOf(`http://127.0.0.1:${service.port}/metrics`)).toBe(200);
  });
});
