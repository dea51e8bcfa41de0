/**
 * The bench's `explain` part for one subgraph, in a process of its own (explain-scenarios.ts starts it):
 *   node tools/run-ts.js tools/bench/support/explain-statements.ts <job.json> <result.json>
 * under the platform's environment. Replays the requests our gateway sent the subgraph through the service's own
 * schema, in-process, on the platform's database for it, keeping every statement the service sends with its
 * parameters; then EXPLAINs each read on one connection of that database.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { QueryRunner } from 'typeorm';
import type { ExplainedRead, ReplayedRequest, SubgraphJob } from './explain-scenarios';
import { openInProcessService, SentStatement } from './in-process-service';
import { JsonPlan, StatementKind, statementKind, summarisePlan } from './statement-plans';

/**
 * One request's statements, in a transaction that replays its settings in order (the row-security role and caller
 * in force where they were, so each read plans as it ran) and is rolled back: EXPLAIN ANALYZE runs the reads.
 */
async function explainRequest(runner: QueryRunner, scenario: string, subgraph: string, statements: SentStatement[]): Promise<ReplayedRequest> {
  const sent: Record<StatementKind, number> = { read: 0, setting: 0, transaction: 0, write: 0 };
  const reads: ExplainedRead[] = [];
  await runner.startTransaction();
  try {
    for (const { sql, parameters } of statements) {
      const kind = statementKind(sql);
      sent[kind] += 1;
      if (kind === 'setting') await runner.query(sql, parameters);
      if (kind !== 'read') continue;
      const [{ 'QUERY PLAN': plan }] = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': JsonPlan }[];
      const text = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, parameters)) as { 'QUERY PLAN': string }[];
      reads.push({ sql, parameters, summary: summarisePlan(plan), textPlan: text.map((line) => line['QUERY PLAN']).join('\n') });
    }
  } finally {
    await runner.rollbackTransaction();
  }
  return { scenario, subgraph, sent, reads };
}

async function main(): Promise<void> {
  const [jobFile, resultFile] = process.argv.slice(2);
  if (!jobFile || !resultFile) throw new Error('usage: explain-statements.ts <job.json> <result.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as SubgraphJob;
  const service = await openInProcessService(job.subgraph, { platform: process.env });
  try {
    const replays: { scenario: string; statements: SentStatement[] }[] = [];
    for (const { scenario, request } of job.requests) {
      service.resetStatements();
      await service.run(request.body.query, request.body.variables ?? {}, job.caller);
      replays.push({ scenario, statements: service.statements() });
    }
    const runner = service.dataSource.createQueryRunner();
    try {
      let explained: ReplayedRequest[] = [];
      // Twice, the second kept: a warm cache, as the services' statements find it under load.
      for (let pass = 0; pass < 2; pass++) {
        explained = [];
        for (const { scenario, statements } of replays) explained.push(await explainRequest(runner, scenario, job.subgraph, statements));
      }
      writeFileSync(resultFile, JSON.stringify(explained));
    } finally {
      await runner.release();
    }
  } finally {
    await service.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
