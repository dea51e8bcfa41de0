import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintStaffToken, StaffRole } from '@aftercare/identity';
import { DEFAULT_DATABASE_URL, dropDatabasesWithPrefix } from '@aftercare/persistence';
import { SUBGRAPHS } from '@aftercare/supergraph';
import { GraphqlResponse, postGraphql } from './graphql-client';
import { isolatedEnv, TEST_AUTH_JWT_SECRET } from './isolated-env';
import { freePort, RunningProcess, startProcess } from './processes';

const SERVICES = SUBGRAPHS.map((subgraph) => subgraph.name);

const envName = (app: string) => app.replace(/-/g, '_').toUpperCase();

export interface PlatformOptions {
  /** Instances of each service started with the platform; 1 for a service not named. */
  replicas?: Partial<Record<string, number>>;
  /**
   * Instances a service may be scaled to with `scale` (at least its `replicas`). Each gets its port now and the
   * gateway lists them all (`SUBGRAPH_URL_<NAME>` as a replica list), so it routes to an instance started later
   * and passes over one that is stopped, without being restarted itself.
   */
  maxReplicas?: Partial<Record<string, number>>;
}

export interface Platform {
  gatewayUrl: string;
  gatewayBase: string;
  /** The first instance of each service (the only one unless the platform runs replicas). */
  services: Record<string, RunningProcess>;
  gateway: RunningProcess;
  /** An operation through the gateway as a staff member with these roles. */
  asStaff<T = Record<string, unknown>>(roles: StaffRole[], query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** An operation through the gateway as the partner owning this API key. */
  asPartner<T = Record<string, unknown>>(apiKey: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** The environment every process was started with (database prefix, Kafka namespace, ports, keys). */
  env: NodeJS.ProcessEnv;
  /**
   * Starts a stopped or killed instance of a service again on its port (the first instance unless `instance`,
   * counted from 0, says otherwise), with extra environment (e.g. failpoints) or without.
   */
  restart(app: string, extraEnv?: NodeJS.ProcessEnv, instance?: number): Promise<RunningProcess>;
  /** The instances of a service started and not scaled away (or stopped), in slot order. */
  instances(app: string): RunningProcess[];
  /** `http://127.0.0.1:<port>` of a service's instance (from 0), for its /health and /metrics. */
  instanceBase(app: string, instance: number): string;
  /**
   * Runs `count` instances of a service (up to its `maxReplicas`): new ones start on their reserved ports, in the
   * same databases and consumer groups; surplus ones get SIGTERM at once — an orderly scale-down.
   */
  scale(app: string, count: number): Promise<RunningProcess[]>;
  /** Starts an instance in an empty slot (up to `maxReplicas`) and resolves once it is ready: a rollout's new pod. */
  startInstance(app: string, instance: number): Promise<RunningProcess>;
  /** SIGTERM to one instance (SIGKILL after 10 s) and its slot emptied: a rollout retiring an old pod. */
  stopInstance(app: string, instance: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole graph as separate processes — five services and the gateway, each on its own port, with
 * their own databases and topics — wired only through the supergraph and Kafka, as in production.
 * With `options.replicas`, several instances of a service share its databases and consumer group behind
 * the gateway, each on a port of its own and naming itself to PostgreSQL (`application_name` `<app>#<n>`).
 */
export async function startPlatform(label: string, overrides: NodeJS.ProcessEnv = {}, options: PlatformOptions = {}): Promise<Platform> {
  const env: NodeJS.ProcessEnv = { ...isolatedEnv(label), ...overrides };
  const replicas = (app: string) => Math.max(1, options.replicas?.[app] ?? 1);
  const slotCount = (app: string) => Math.max(replicas(app), options.maxReplicas?.[app] ?? 1);
  const ports = new Map<string, number[]>();
  for (const app of SERVICES) ports.set(app, await Promise.all(Array.from({ length: slotCount(app) }, () => freePort())));
  const portsOf = (app: string) => {
    const reserved = ports.get(app);
    if (!reserved) throw new Error(`no service named ${app}`);
    return reserved;
  };
  const portOf = (app: string, instance: number) => {
    const port = portsOf(app)[instance];
    if (port === undefined) throw new Error(`${app} has ${portsOf(app).length} instance slots (maxReplicas); no instance ${instance}`);
    return port;
  };
  const baseOf = (app: string, instance: number) => `http://127.0.0.1:${portOf(app, instance)}`;
  for (const app of SERVICES) {
    env[`${envName(app)}_PORT`] = String(portOf(app, 0));
    env[`SUBGRAPH_URL_${envName(app)}`] = portsOf(app)
      .map((_, instance) => `${baseOf(app, instance)}/graphql`)
      .join(',');
  }
  env['GATEWAY_PORT'] = String(await freePort());
  const gatewayBase = `http://127.0.0.1:${env['GATEWAY_PORT']}`;

  /** Per service, what runs in each reserved slot (undefined: stopped, or never started). */
  const slots = new Map<string, (RunningProcess | undefined)[]>(SERVICES.map((app) => [app, portsOf(app).map(() => undefined)]));
  const slotsOf = (app: string) => {
    const instances = slots.get(app);
    if (!instances) throw new Error(`no service named ${app}`);
    return instances;
  };
  const services: Record<string, RunningProcess> = {};
  /** Every process started, stopped ones included, for their logs. */
  const everyProcess: RunningProcess[] = [];
  const startInstance = async (app: string, instance: number, extraEnv: NodeJS.ProcessEnv = {}) => {
    const started = await startProcess({
      name: instance === 0 ? app : `${app}#${instance + 1}`,
      entry: `apps/${app}/src/main.ts`,
      env: { ...env, [`${envName(app)}_PORT`]: String(portOf(app, instance)), PGAPPNAME: `${app}#${instance + 1}`, ...extraEnv },
      readyUrl: `${baseOf(app, instance)}/health/ready`,
    });
    slotsOf(app)[instance] = started;
    everyProcess.push(started);
    if (instance === 0) services[app] = started;
    return started;
  };
  const runningOf = (app: string) => slotsOf(app).filter((process): process is RunningProcess => process !== undefined);
  const running = () => SERVICES.flatMap(runningOf);

  // The gateway boots beside the services (it serves the checked-in supergraph and is ready once every subgraph
  // answers), so a platform is up after the slowest service, not after the services and then the gateway.
  const callOffGateway = new AbortController();
  const gatewayStarting = startProcess({
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    env,
    readyUrl: `${gatewayBase}/health/ready`,
    signal: callOffGateway.signal,
  });
  // First instances first: they run the migrations, which two instances of one service must not race to run.
  const firsts = await Promise.allSettled(SERVICES.map((app) => startInstance(app, 0)));
  const others = firsts.every((result) => result.status === 'fulfilled')
    ? await Promise.allSettled(SERVICES.flatMap((app) => Array.from({ length: replicas(app) - 1 }, (_, extra) => startInstance(app, extra + 1))))
    : [];
  // A service that did not start: the gateway would wait for it until its own timeout.
  if ([...firsts, ...others].some((result) => result.status === 'rejected')) callOffGateway.abort();
  const [gatewayStarted] = await Promise.allSettled([gatewayStarting]);
  const failure = [...firsts, ...others, gatewayStarted].find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    if (gatewayStarted.status === 'fulfilled') await gatewayStarted.value.stop();
    await Promise.all(running().map((process) => process.stop()));
    throw failure.reason;
  }
  const gateway = (gatewayStarted as PromiseFulfilledResult<RunningProcess>).value;

  const gatewayUrl = `${gatewayBase}/graphql`;
  const platform: Platform = {
    gatewayUrl,
    gatewayBase,
    services,
    gateway,
    env,
    restart: async (app, extraEnv = {}, instance = 0) => {
      await slotsOf(app)[instance]?.stop();
      return startInstance(app, instance, extraEnv);
    },
    instances: runningOf,
    instanceBase: baseOf,
    scale: async (app, count) => {
      const instances = slotsOf(app);
      if (count < 1 || count > instances.length) throw new Error(`${app} can run 1 to ${instances.length} instances (maxReplicas), not ${count}`);
      await Promise.all(
        instances.map(async (surplus, instance) => {
          if (instance < count || !surplus) return;
          await surplus.stop();
          instances[instance] = undefined;
        }),
      );
      await Promise.all(instances.slice(0, count).map((current, instance) => current ?? startInstance(app, instance)));
      return platform.instances(app);
    },
    startInstance: async (app, instance) => {
      if (slotsOf(app)[instance]) throw new Error(`${app} instance ${instance} is already running`);
      return startInstance(app, instance);
    },
    stopInstance: async (app, instance) => {
      await slotsOf(app)[instance]?.stop();
      slotsOf(app)[instance] = undefined;
    },
    asStaff: (roles, query, variables) =>
      postGraphql(gatewayUrl, query, variables, {
        authorization: `Bearer ${mintStaffToken({ sub: `e2e-${roles.join('-').toLowerCase()}`, name: 'E2E', roles }, TEST_AUTH_JWT_SECRET)}`,
      }),
    asPartner: (apiKey, query, variables) => postGraphql(gatewayUrl, query, variables, { 'x-api-key': apiKey }),
    stop: async () => {
      await gateway.stop();
      await Promise.all(running().map((process) => process.stop()));
      keepLogs(label, env, [gateway, ...everyProcess]);
      await dropDatabasesWithPrefix(env['DATABASE_URL'] || DEFAULT_DATABASE_URL, `${env['DATABASE_PREFIX']}_`);
    },
  };
  return platform;
}

/**
 * PLATFORM_LOG_DIR set: what every process printed goes to <dir>/<label>-<prefix>/<process>.log when the platform
 * stops, for reading after a failed test or a benchmark whose figures look wrong.
 */
function keepLogs(label: string, env: NodeJS.ProcessEnv, processes: RunningProcess[]): void {
  const root = process.env['PLATFORM_LOG_DIR'];
  if (!root) return;
  const dir = join(root, `${label}-${env['DATABASE_PREFIX']}`);
  mkdirSync(dir, { recursive: true });
  const seen = new Map<string, number>();
  for (const running of processes) {
    const n = (seen.get(running.name) ?? 0) + 1;
    seen.set(running.name, n);
    writeFileSync(join(dir, `${running.name}${n > 1 ? `.${n}` : ''}.log`), running.output());
  }
}
