#!/usr/bin/env node
/**
 * `npm start`: the whole platform on this machine in one command.
 *   PostgreSQL: DATABASE_URL, else an embedded server with its data in .data/postgres
 *   Kafka:      KAFKA_BROKERS, else the local broker from tools/kafka (left running; `npm run kafka stop`)
 * then the five services and the gateway, each its own process running from source, and prints the URL.
 * Ctrl-C stops everything it started except the broker.
 */
require('../pinned-node').runOnPinnedNode();
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensurePostgres } = require('../infra/postgres');
const { ensureKafka } = require('../infra/kafka');
const { ensureInstallationSecrets } = require('./installation-secrets');

const root = path.join(__dirname, '../..');
const SERVICES = ['sales', 'service-dispatch', 'complaints', 'engineer-network', 'value-added'];
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);
const READY_TIMEOUT_MS = 120_000;
const COLOURS = [36, 32, 33, 35, 34, 37];

function formatLine(app, colour, line) {
  let text = line;
  try {
    const { time, level, message, service, component, ...fields } = JSON.parse(line);
    const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    text = `${String(time).slice(11, 19)} ${String(level).padEnd(5)} ${component ? `${component}: ` : ''}${message}${extra}`;
  } catch {
    // not one of our JSON log lines: show it as it is
  }
  return `\x1b[${colour}m${app.padEnd(16)}\x1b[0m ${text}`;
}

function launch(app, index, env, children, onExit, args = [path.join(root, 'tools/run-ts.js'), `apps/${app}/src/main.ts`]) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const colour = COLOURS[index % COLOURS.length];
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) if (line.trim()) console.log(formatLine(app, colour, line));
    });
  }
  child.on('exit', (code, signal) => onExit(app, code, signal));
  children.push(child);
}

async function waitForGateway(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the gateway was not ready within ${READY_TIMEOUT_MS / 1000}s`);
}

async function main() {
  const postgres = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => undefined } : await ensurePostgres();
  const brokers = await ensureKafka();
  const env = { ...process.env, DATABASE_URL: postgres.url, KAFKA_BROKERS: brokers, GATEWAY_PORT: String(GATEWAY_PORT) };
  // The gateway alone holds the signing key and the staff-token secret; subgraphs get the public key only.
  const secrets = ensureInstallationSecrets(process.env);
  const serviceEnv = { ...env, GATEWAY_PUBLIC_KEYS: secrets.GATEWAY_PUBLIC_KEYS };
  delete serviceEnv.GATEWAY_SIGNING_KEY;
  delete serviceEnv.AUTH_JWT_SECRET;
  const gatewayEnv = { ...env, ...secrets };

  const children = [];
  let stopping = false;
  const stopAll = async (exitCode) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await postgres.stop();
    process.exit(exitCode);
  };
  const onExit = (app, code, signal) => {
    if (stopping) return;
    console.error(`${app} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the platform`);
    void stopAll(1);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  SERVICES.forEach((app, index) => launch(app, index, serviceEnv, children, onExit));
  launch('gateway', SERVICES.length, gatewayEnv, children, onExit);
  // The console (apps/console) on its own port, proxying /graphql to the gateway: one origin, no CORS. It
  // failing (say, its port is taken) leaves the platform up.
  const consolePort = Number(process.env.CONSOLE_PORT ?? 4200);
  const consoleEnv = { ...process.env, CONSOLE_GATEWAY: `http://127.0.0.1:${GATEWAY_PORT}`, CONSOLE_PORT: String(consolePort) };
  launch(
    'console',
    SERVICES.length + 1,
    consoleEnv,
    children,
    (app, code) => !stopping && console.error(`console stopped (exit code ${code}); the platform keeps running`),
    [path.join(root, 'apps/console/serve-console.js')],
  );
  await waitForGateway(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`);

  console.log(`
  Aftercare is up:  http://127.0.0.1:${GATEWAY_PORT}/graphql   (health: /health/ready)
  Console:          http://127.0.0.1:${consolePort}/            (sign in as a seeded person)

  Load the demo data and get credentials:   npm run seed
  A staff token for any role:               npm run token -- ADMIN
  Ctrl-C stops the platform (the Kafka broker keeps running: npm run kafka stop).
`);
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
