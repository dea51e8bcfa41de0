#!/usr/bin/env node
/**
 * `npm test`: makes sure the real infrastructure the tests need is there, runs every jest project, and
 * ends with the one line CI reads: `N passed, N failed`.
 *   PostgreSQL: DATABASE_URL, else the server on 127.0.0.1:5432 if one answers, else the embedded one.
 *   Kafka:      KAFKA_BROKERS, else the local broker from tools/kafka (started here, stopped after).
 * Extra arguments go to jest, e.g. `npm test -- apps/sales`.
 */
require('../pinned-node').runOnPinnedNode();
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { ensurePostgres } = require('../infra/postgres');
const { ensureKafka } = require('../infra/kafka');

const root = path.join(__dirname, '../..');
const reportDir = path.join(root, 'reports');
const resultsFile = path.join(reportDir, 'jest-results.json');
const summaryFile = path.join(reportDir, 'test-summary.txt');
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Test databases are named t_<label>_<random>_<service> (libs/testing); a crashed run can leave some. */
const TEST_DATABASE_PATTERN = 't\\_%';

async function answers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresForTests() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  if (await answers(LOCAL_SERVER)) return { url: LOCAL_SERVER, stop: async () => undefined };
  return ensurePostgres();
}

async function kafkaForTests() {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, stop: () => undefined };
  const kafkaEnv = { ...process.env, NODE_BIN: process.execPath };
  const wasRunning = spawnSync('bash', [path.join(root, 'tools/kafka/kafka.sh'), 'status'], { stdio: 'ignore', env: kafkaEnv }).status === 0;
  const brokers = await ensureKafka();
  const stop = () => {
    if (!wasRunning) spawnSync('bash', [path.join(root, 'tools/kafka/kafka.sh'), 'stop'], { stdio: 'inherit', env: kafkaEnv });
  };
  return { brokers, stop };
}

async function dropLeftoverTestDatabases(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [TEST_DATABASE_PATTERN]);
    // Without FORCE: a database another run on this machine is using right now stays; only idle leftovers go.
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  } finally {
    await client.end();
  }
}

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
  // The tests' brokers (this run's, and the clusters the fault suites start and kill) start often and carry little:
  // a JVM compiling with C1 only and a serial collector is ready on about half the CPU (tools/kafka/kafka.sh); the
  // bench and `npm start` keep the default flags, tuned for throughput.
  process.env.KAFKA_JVM_OPTS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  const postgres = await postgresForTests();
  const kafka = await kafkaForTests();
  let status = 1;
  try {
    await dropLeftoverTestDatabases(postgres.url);
    mkdirSync(reportDir, { recursive: true });
    rmSync(resultsFile, { force: true });
    const jest = spawnSync(
      process.execPath,
      // --forceExit: a suite that fails half-way may leave a client open; the run must still end and report.
      [require.resolve('jest/bin/jest'), '--json', `--outputFile=${resultsFile}`, '--forceExit', ...process.argv.slice(2)],
      { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: postgres.url, KAFKA_BROKERS: kafka.brokers } },
    );
    status = jest.status ?? 1;
  } finally {
    kafka.stop();
    await postgres.stop();
  }
  const summary = summarise();
  writeFileSync(summaryFile, `${summary}\n`);
  console.log(summary);
  process.exit(status);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
