import { mintStaffToken, StaffRole } from '@aftercare/identity';
import { DEFAULT_DATABASE_URL, dropDatabasesWithPrefix } from '@aftercare/persistence';
import { SUBGRAPHS } from '@aftercare/supergraph';
import { GraphqlResponse, postGraphql } from './graphql-client';
import { isolatedEnv, TEST_AUTH_JWT_SECRET } from './isolated-env';
import { freePort, RunningProcess, startProcess } from './processes';

const SERVICES = SUBGRAPHS.map((subgraph) => subgraph.name);

const envName = (app: string) => app.replace(/-/g, '_').toUpperCase();

export interface Platform {
  gatewayUrl: string;
  gatewayBase: string;
  services: Record<string, RunningProcess>;
  gateway: RunningProcess;
  /** An operation through the gateway as a staff member with these roles. */
  asStaff<T = Record<string, unknown>>(roles: StaffRole[], query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** An operation through the gateway as the partner owning this API key. */
  asPartner<T = Record<string, unknown>>(apiKey: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** The environment every process was started with (database prefix, Kafka namespace, ports, keys). */
  env: NodeJS.ProcessEnv;
  /** Starts a stopped or killed service again on its port, with extra environment (e.g. failpoints) or without. */
  restart(app: string, extraEnv?: NodeJS.ProcessEnv): Promise<RunningProcess>;
  stop(): Promise<void>;
}

/**
 * The whole graph as separate processes — five services and the gateway, each on its own port, with
 * their own databases and topics — wired only through the supergraph and Kafka, as in production.
 */
export async function startPlatform(label: string, overrides: NodeJS.ProcessEnv = {}): Promise<Platform> {
  const env: NodeJS.ProcessEnv = { ...isolatedEnv(label), ...overrides };
  const ports: Record<string, number> = Object.fromEntries(await Promise.all(SERVICES.map(async (app) => [app, await freePort()] as const)));
  for (const app of SERVICES) {
    env[`${envName(app)}_PORT`] = String(ports[app]);
    env[`SUBGRAPH_URL_${envName(app)}`] = `http://127.0.0.1:${ports[app]}/graphql`;
  }
  env['GATEWAY_PORT'] = String(await freePort());
  const gatewayBase = `http://127.0.0.1:${env['GATEWAY_PORT']}`;

  const started = await Promise.allSettled(
    SERVICES.map((app) =>
      startProcess({
        name: app,
        entry: `apps/${app}/src/main.ts`,
        env,
        readyUrl: `http://127.0.0.1:${ports[app]}/health/ready`,
      }),
    ),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(running.map((process) => process.stop()));
    throw failure.reason;
  }
  const services = Object.fromEntries(running.map((process) => [process.name, process])) as Record<string, RunningProcess>;
  const gateway = await startProcess({ name: 'gateway', entry: 'apps/gateway/src/main.ts', env, readyUrl: `${gatewayBase}/health/ready` }).catch(
    async (error) => {
      await Promise.all(running.map((process) => process.stop()));
      throw error;
    },
  );

  const gatewayUrl = `${gatewayBase}/graphql`;
  const platform: Platform = {
    gatewayUrl,
    gatewayBase,
    services,
    gateway,
    env,
    restart: async (app, extraEnv = {}) => {
      await services[app]?.stop();
      services[app] = await startProcess({
        name: app,
        entry: `apps/${app}/src/main.ts`,
        env: { ...env, ...extraEnv },
        readyUrl: `http://127.0.0.1:${ports[app]}/health/ready`,
      });
      return services[app];
    },
    asStaff: (roles, query, variables) =>
      postGraphql(gatewayUrl, query, variables, {
        authorization: `Bearer ${mintStaffToken({ sub: `e2e-${roles.join('-').toLowerCase()}`, name: 'E2E', roles }, TEST_AUTH_JWT_SECRET)}`,
      }),
    asPartner: (apiKey, query, variables) => postGraphql(gatewayUrl, query, variables, { 'x-api-key': apiKey }),
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(services).map((process) => process.stop()));
      await dropDatabasesWithPrefix(env['DATABASE_URL'] || DEFAULT_DATABASE_URL, `${env['DATABASE_PREFIX']}_`);
    },
  };
  return platform;
}
