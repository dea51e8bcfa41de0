import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, WORKSPACE_ROOT } from '@aftercare/testing';
import { sleep } from './faults';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(WORKSPACE_ROOT, 'tools/kafka/kafka.sh');

/**
 * A real KRaft cluster of the test's own (tools/kafka with KAFKA_NODES, a temporary data dir, free ports), for
 * scenarios that kill brokers one at a time without touching the broker every other test shares.
 */
export class LocalKafkaCluster {
  private constructor(
    readonly brokers: string,
    readonly nodes: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly homeDir: string,
  ) {}

  static async create(nodes = 3): Promise<LocalKafkaCluster> {
    const homeDir = mkdtempSync(join(tmpdir(), 'aftercare-kafka-cluster-'));
    const ports: number[] = [];
    const controllerPorts: number[] = [];
    for (let node = 0; node < nodes; node++) {
      ports.push(await freePort());
      controllerPorts.push(await freePort());
    }
    const env = {
      ...process.env,
      KAFKA_NODES: String(nodes),
      KAFKA_HOME_DIR: homeDir,
      KAFKA_LIBS_DIR: process.env['KAFKA_LIBS_DIR'] ?? join(WORKSPACE_ROOT, '.data/kafka/libs'),
      KAFKA_PORTS: ports.join(','),
      KAFKA_CONTROLLER_PORTS: controllerPorts.join(','),
      // Three JVMs on a small machine: a smaller heap each than the single broker's.
      KAFKA_HEAP: '-Xms192m -Xmx384m',
      KAFKA_READY_TIMEOUT: '150',
      NODE_BIN: process.execPath,
    };
    const cluster = new LocalKafkaCluster(ports.map((port) => `127.0.0.1:${port}`).join(','), nodes, env, homeDir);
    await cluster.start();
    return cluster;
  }

  /** Starts every node that is not running (a killed one) and resolves once the cluster lists all of them again. */
  async start(): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'start'], { env: this.env, timeout: 240_000 });
  }

  /** The node id (1-based) of the active KRaft controller, the quorum's leader. */
  async activeController(): Promise<number> {
    const { stdout } = await run('bash', [KAFKA_SCRIPT, 'controller'], { env: this.env, timeout: 30_000 });
    return Number(stdout.trim());
  }

  /** SIGKILL to one node's JVM: a crash, no controlled shutdown, nothing flushed beyond what is on disk. */
  async kill(node: number): Promise<void> {
    const pid = Number(readFileSync(join(this.homeDir, `node-${node}`, 'kafka.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await sleep(100);
    }
    throw new Error(`node ${node} (pid ${pid}) still alive after SIGKILL`);
  }

  /**
   * Waits until every partition of every topic has all its replicas in sync again: a restarted broker is listed
   * long before it has caught up, and until it has, losing another in-sync replica leaves fewer than
   * min.insync.replicas for writes. An operator waits for this before touching the next broker; answers the ms.
   */
  async waitFullyReplicated(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    const admin = new Kafka({ clientId: 'faults-cluster-isr', brokers: this.brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      for (;;) {
        const { topics } = await admin.fetchTopicMetadata();
        const behind = topics.flatMap((topic) =>
          topic.partitions.filter((partition) => partition.isr.length < partition.replicas.length).map((partition) => `${topic.name}/${partition.partitionId}`),
        );
        if (behind.length === 0) return Date.now() - started;
        if (Date.now() - started > timeoutMs)
          throw new Error(`${behind.length} partitions still under-replicated after ${timeoutMs} ms: ${behind.slice(0, 5).join(', ')}`);
        await sleep(500);
      }
    } finally {
      await admin.disconnect();
    }
  }

  async destroy(): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'stop'], { env: this.env, timeout: 90_000 }).catch(() => undefined);
    rmSync(this.homeDir, { recursive: true, force: true });
  }
}
