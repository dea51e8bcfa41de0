'use strict';
/**
 * Kafka for local development: `npm start` calls ensureKafka() and passes the result to the services as
 * KAFKA_BROKERS.
 *
 *   const brokers = await ensureKafka();   // "127.0.0.1:9092"
 *
 * - KAFKA_BROKERS set: returned unchanged, nothing is started (CI, docker compose, a shared broker).
 * - KAFKA_BROKERS unset: runs `bash tools/kafka/kafka.sh start`, which is idempotent (starts the local
 *   single-node KRaft broker in .data/kafka, or finds it already running) and prints `KAFKA_BROKERS=…` on
 *   stdout. The broker is detached and outlives this process on purpose; `npm run kafka stop` stops it.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const KAFKA_SCRIPT = path.join(REPO_ROOT, 'tools', 'kafka', 'kafka.sh');
const WAIT_READY = path.join(REPO_ROOT, 'tools', 'kafka', 'wait-ready.js');
const DEFAULT_BROKERS = '127.0.0.1:9092';

const defaultLog = (line) => console.log(line);

/**
 * @param {object} [options]
 * @param {NodeJS.ProcessEnv} [options.env]  environment to read KAFKA_BROKERS from and to run kafka.sh with
 * @param {(line: string) => void} [options.log]  receives the summary line
 * @returns {Promise<string>} the broker list, comma-separated host:port as in KAFKA_BROKERS
 */
async function ensureKafka(options = {}) {
  const env = options.env || process.env;
  const log = options.log || defaultLog;

  const configured = (env.KAFKA_BROKERS || '').trim();
  if (configured) {
    log(`[infra] Kafka: using KAFKA_BROKERS=${configured} from the environment (no local broker started)`);
    return configured;
  }

  const started = Date.now();
  // A broker this checkout did not start (another clone's, docker compose's) may already serve the
  // default port; starting ours would only fail on the port, so use it.
  const ours = (await run('bash', [KAFKA_SCRIPT, 'status'], env)).code === 0;
  if (!ours && (await run(process.execPath, [WAIT_READY, '--timeout', '3', DEFAULT_BROKERS], env)).code === 0) {
    log(`[infra] Kafka: a broker already answers at ${DEFAULT_BROKERS} (not started from this checkout); using it`);
    return DEFAULT_BROKERS;
  }
  const { code, stdout, stderr } = await run('bash', [KAFKA_SCRIPT, 'start'], env);
  const brokers = /^KAFKA_BROKERS=(.+)$/m.exec(stdout)?.[1]?.trim();
  if (code !== 0 || !brokers) {
    const output = [stderr.trim(), stdout.trim()].filter(Boolean).join('\n');
    throw new Error(
      `tools/kafka/kafka.sh start ${code !== 0 ? `failed (exit code ${code})` : 'printed no KAFKA_BROKERS line'}` + (output ? `:\n${output}` : ''),
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const what = /already running/.test(stderr) ? 'reusing the local broker already running' : 'started the local broker';
  const dataDir = env.KAFKA_HOME_DIR ? path.resolve(env.KAFKA_HOME_DIR) : path.join(REPO_ROOT, '.data', 'kafka');
  log(`[infra] Kafka: ${what} at ${brokers} (tools/kafka/kafka.sh, data in ${display(dataDir)}; ${seconds}s)`);
  return brokers;
}

/** Paths inside the repository are shown relative to it. */
function display(file) {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * Runs the script with stdout and stderr captured. Its one-off steps (jar download, storage format) can take a
 * while, so those lines are passed through as they happen rather than leaving the terminal silent.
 */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    // kafka.sh runs its readiness check with the same Node as this process, never one found on PATH.
    const child = spawn(command, args, { env: { ...env, NODE_BIN: process.execPath }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        if (/downloading|formatting storage/.test(line)) process.stderr.write(`${line}\n`);
      }
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? `signal ${signal}`, stdout, stderr }));
  });
}

module.exports = { ensureKafka };
