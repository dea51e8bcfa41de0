import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS } from '@aftercare/supergraph';
import { freePort, RunningProcess, startProcess, WORKSPACE_ROOT } from '@aftercare/testing';

export interface BaselineServices {
  /** Each service as it was at the commit, by name. */
  services: Record<string, RunningProcess>;
  /** The platform's environment with every SUBGRAPH_URL_<NAME> pointing at these services instead. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const envName = (service: string) => service.replace(/-/g, '_').toUpperCase();

/** A migration whose every statement adds a plain index: no table, column or constraint the old code knows changes. */
export function onlyAddsIndexes(source: string): boolean {
  const up = source.slice(source.indexOf('async up('), source.indexOf('async down('));
  const statements = [...up.matchAll(/queryRunner\.query\(`([^`]*)`/g)].map((match) => match[1]!.trim());
  return statements.length > 0 && statements.every((statement) => /^CREATE INDEX\b/i.test(statement));
}

/**
 * The migrations since `commit` that its code could trip over: any changed or removed one, and any added one that
 * does more than add an index (the lists of migrations, index.ts, change with every addition and are not counted).
 */
function migrationsUnknownTo(commit: string): string[] {
  const changes = execFileSync('git', ['diff', '--name-status', commit, '--', 'apps/*/src/migrations', 'libs/*/src/migrations'], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string]);
  return changes
    .filter(([status, path]) => !path.endsWith('/index.ts') && !(status === 'A' && onlyAddsIndexes(readFileSync(join(WORKSPACE_ROOT, path), 'utf8'))))
    .map(([status, path]) => `${status} ${path}`);
}

/**
 * The five services as they were at `commit` (apps and libs from a scratch copy, packages of the working tree),
 * serving the platform's own databases beside the services of the working tree: the same rows read by the code
 * before and after, in the same rounds. Refused when a migration changed since, unless it only adds indexes: the
 * old code would read tables it does not know. Their events go to a namespace of their own, so they never take partitions from the
 * working tree's consumers.
 */
export async function startBaselineServices(commit: string, platformEnv: NodeJS.ProcessEnv): Promise<BaselineServices> {
  const unknownToIt = migrationsUnknownTo(commit);
  if (unknownToIt.length) throw new Error(`migrations changed since ${commit}; its services cannot share this run's databases:\n${unknownToIt.join('\n')}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-services-'));
  execFileSync('bash', ['-c', `git archive ${JSON.stringify(commit)} apps libs tools tsconfig.base.json | tar -x -C ${JSON.stringify(dir)}`], {
    cwd: WORKSPACE_ROOT,
  });
  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(dir, 'node_modules'));
  const env: NodeJS.ProcessEnv = {
    ...platformEnv,
    // tools/run-ts.js resolves @aftercare/* through this project: the commit's libraries, not the working tree's.
    SWC_NODE_PROJECT: join(dir, 'tools/tsconfig.json'),
    KAFKA_NAMESPACE: `${platformEnv['KAFKA_NAMESPACE'] ?? ''}baseline.`,
  };
  const services: Record<string, RunningProcess> = {};
  try {
    for (const { name } of SUBGRAPHS) {
      const port = await freePort();
      services[name] = await startProcess({
        name: `${name}@${commit.slice(0, 7)}`,
        entry: join(dir, `apps/${name}/src/main.ts`),
        env: { ...env, [`${envName(name)}_PORT`]: String(port), PGAPPNAME: `${name}@${commit.slice(0, 7)}` },
        readyUrl: `http://127.0.0.1:${port}/health/ready`,
      });
      env[`SUBGRAPH_URL_${envName(name)}`] = `http://127.0.0.1:${port}/graphql`;
    }
  } catch (error) {
    await Promise.all(Object.values(services).map((service) => service.stop()));
    throw error;
  }
  const gatewayEnv = { ...env };
  delete gatewayEnv['SWC_NODE_PROJECT'];
  return {
    services,
    env: gatewayEnv,
    stop: async () => {
      await Promise.all(Object.values(services).map((service) => service.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
