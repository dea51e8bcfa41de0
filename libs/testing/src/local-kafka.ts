import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, WORKSPACE_ROOT } from './processes';

const run = promisify(execFile);

/**
 * A real broker of the test's own (tools/kafka, separate data dir and ports), for tests that stop and
 * restart Kafka without disturbing the broker every other test shares.
 */
export class LocalKafkaBroker {
  private constructor(
    readonly brokers: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly homeDir: string,
  ) {}

  static async create(): Promise<LocalKafkaBroker> {
    const homeDir = mkdtempSync(join(tmpdir(), 'aftercare-kafka-'));
    const port = await freePort();
    const controllerPort = await freePort();
    const env = {
      ...process.env,
      KAFKA_HOME_DIR: homeDir,
      KAFKA_LIBS_DIR: process.env['KAFKA_LIBS_DIR'] ?? join(WORKSPACE_ROOT, '.data/kafka/libs'),
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      // The broker's readiness check runs on this process's Node (24), not whatever `node` is on PATH.
      NODE_BIN: process.execPath,
    };
    const broker = new LocalKafkaBroker(`127.0.0.1:${port}`, env, homeDir);
    await broker.start();
    return broker;
  }

  async start(): Promise<void> {
    await run('bash', [join(WORKSPACE_ROOT, 'tools/kafka/kafka.sh'), 'start'], { env: this.env, timeout: 180000 });
  }

  /** SIGKILL to the broker process: a crash, no controlled shutdown, nothing flushed beyond what is on disk. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(join(this.homeDir, 'kafka.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`broker pid ${pid} still alive after SIGKILL`);
  }

  async stop(): Promise<void> {
    await run('bash', [join(WORKSPACE_ROOT, 'tools/kafka/kafka.sh'), 'stop'], { env: this.env, timeout: 60000 });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.homeDir, { recursive: true, force: true });
  }
}
