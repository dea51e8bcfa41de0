import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '@aftercare/identity';
import type { SubgraphRequest } from './fetch-counter';
import type { PlanSummary, StatementKind } from './statement-plans';

/** A subgraph request our gateway sent for one operation of a scenario. */
export interface ScenarioRequest {
  scenario: string;
  request: SubgraphRequest;
}

/** What explain-statements.ts is given: one subgraph's requests, and who the gateway sent them for. */
export interface SubgraphJob {
  subgraph: string;
  caller: Identity;
  requests: ScenarioRequest[];
}

export interface ExplainedRead {
  sql: string;
  parameters: unknown[];
  summary: PlanSummary;
  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT), for plans.md. */
  textPlan: string;
}

/** One subgraph request replayed: the statements it made the service send, by kind, and the plans of its reads. */
export interface ReplayedRequest {
  scenario: string;
  subgraph: string;
  sent: Record<StatementKind, number>;
  reads: ExplainedRead[];
}

const ROOT = join(__dirname, '../../..');

/**
 * Replays the requests in a process per subgraph (type-graphql's metadata is global: one service's schema per
 * process), one subgraph after another so no plan is timed beside another's work. `env` is the platform's: the
 * services' databases are found by it.
 */
export async function replaySubgraphRequests(requests: ScenarioRequest[], env: NodeJS.ProcessEnv, caller: Identity): Promise<ReplayedRequest[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-explain-'));
  try {
    const replayed: ReplayedRequest[] = [];
    for (const subgraph of [...new Set(requests.map(({ request }) => request.subgraph))]) {
      const job: SubgraphJob = { subgraph, caller, requests: requests.filter(({ request }) => request.subgraph === subgraph) };
      const jobFile = join(dir, `${subgraph}.job.json`);
      const resultFile = join(dir, `${subgraph}.result.json`);
      writeFileSync(jobFile, JSON.stringify(job));
      await runChild(['tools/bench/support/explain-statements.ts', jobFile, resultFile], env, subgraph);
      replayed.push(...(JSON.parse(readFileSync(resultFile, 'utf8')) as ReplayedRequest[]));
    }
    return replayed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(args: string[], env: NodeJS.ProcessEnv, subgraph: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'tools/run-ts.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`explaining ${subgraph}'s statements failed (exit ${code})`))));
  });
}

/** One operation of a scenario through our gateway, as PostgreSQL ran it. */
export interface ScenarioPlans {
  scenario: string;
  title: string;
  /** Statements each service counted itself (aftercare_db_statements_total) per operation of the scenario. */
  counted: Record<string, number>;
  requests: ReplayedRequest[];
}
