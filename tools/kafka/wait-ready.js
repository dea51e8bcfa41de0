#!/usr/bin/env node
'use strict';
// Waits until a Kafka broker answers a metadata request (admin describeCluster).
// An open TCP port is not enough: the listener accepts connections before the
// KRaft broker has caught up with the metadata log and can serve clients.
//
// Usage: node tools/kafka/wait-ready.js [--timeout SECONDS] [--pid PID] [BROKERS]
//   BROKERS   comma-separated host:port list; default $KAFKA_BROKERS or 127.0.0.1:9092
//   --pid     give up early (exit 2) if this process dies, e.g. the broker JVM
//   --brokers-expected N   ready only once the cluster's metadata lists N brokers (a cluster, all nodes up)
// Exit codes: 0 ready, 1 timeout, 2 watched process died, 3 kafkajs not installed.

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    console.error('wait-ready: kafkajs is not installed (run npm install)');
    process.exit(3);
  }
  throw err;
}
const { Kafka, logLevel } = kafkajs;

function parseArgs(argv) {
  const opts = {
    timeoutMs: Number(process.env.KAFKA_READY_TIMEOUT || 90) * 1000,
    pid: undefined,
    expected: 1,
    brokers: process.env.KAFKA_BROKERS || '127.0.0.1:9092',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--timeout') opts.timeoutMs = Number(argv[++i]) * 1000;
    else if (arg === '--pid') opts.pid = Number(argv[++i]);
    else if (arg === '--brokers-expected') opts.expected = Number(argv[++i]);
    else opts.brokers = arg;
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) {
    console.error('wait-ready: --timeout must be a positive number of seconds');
    process.exit(64);
  }
  opts.brokers = opts.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return opts;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means it exists but belongs to someone else.
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { timeoutMs, pid, brokers, expected } = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + timeoutMs;
  let lastError;

  while (Date.now() < deadline) {
    if (pid !== undefined && !processAlive(pid)) {
      console.error(`wait-ready: process ${pid} exited before Kafka became ready`);
      return 2;
    }
    // A fresh client per attempt with retries off: kafkajs' own backoff would
    // otherwise stretch a single attempt well past our deadline.
    const kafka = new Kafka({
      clientId: 'aftercare-wait-ready',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 3000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length >= expected) {
        console.error(`wait-ready: Kafka ready at ${brokers.join(',')} ` + `(cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s))`);
        return 0;
      }
      lastError = new Error(`metadata response listed ${cluster.brokers.length} of ${expected} brokers`);
    } catch (err) {
      lastError = err;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(500);
  }

  console.error(`wait-ready: Kafka at ${brokers.join(',')} not ready after ${timeoutMs / 1000}s` + (lastError ? `: ${lastError.message}` : ''));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('wait-ready:', err);
    process.exit(1);
  },
);
