#!/usr/bin/env node
/**
 * `npm test`: makes sure the real infrastructure the tests need is there, runs every jest project, and
 * ends with one line CI reads: `N passed, N failed`.
 *   PostgreSQL: DATABASE_URL, else the local server on 127.0.0.1:5432, else an embedded one (.data/).
 *   Kafka:      KAFKA_BROKERS, else the local broker from tools/kafka (started here if needed).
 * Extra arguments go to jest, e.g. `npm test -- apps/sales`.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { ensurePostgres } = require('../infra/postgres');
const { ensureKafka } = require('../infra/kafka');

const root = path.join(__dirname, '../..');
const reportDir = path.join(root, 'reports');
const resultsFile = path.join(reportDir, 'jest-results.json');
const summaryFile = path.join(reportDir, 'test-summary.txt');

function summarise() {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // A suite that crashed before running its tests counts as a failure, not as nothing.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    return `${results.numPassedTests} passed, ${failed} failed`;
  } catch {
    return '0 passed, 1 failed';
  }
}

async function main() {
  const postgres = await ensurePostgres();
  const kafka = await ensureKafka();
  mkdirSync(reportDir, { recursive: true });
  const jest = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: postgres.url, KAFKA_BROKERS: kafka.brokers },
    },
  );
  await kafka.release();
  await postgres.release();
  const summary = summarise();
  writeFileSync(summaryFile, `${summary}\n`);
  console.log(summary);
  process.exit(jest.status ?? 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
