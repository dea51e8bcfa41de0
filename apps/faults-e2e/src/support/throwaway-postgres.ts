import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@aftercare/testing';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (initdb in a temp dir, its own port), for scenarios that stop and
 * restart the database server: the shared server on 5432 carries every other test and is never touched.
 * initdb and the server refuse to run as root, so when the suite runs as root they run as `postgres`.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly url: string,
    private readonly homeDir: string,
    private readonly port: number,
  ) {}

  private get dataDir(): string {
    return join(this.homeDir, 'data');
  }

  static async create(): Promise<ThrowawayPostgres> {
    const homeDir = mkdtempSync(join(tmpdir(), 'aftercare-pg-'));
    const port = await freePort();
    if (userInfo().uid === 0) {
      const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
      chownSync(homeDir, uid, gid);
    }
    const cluster = new ThrowawayPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`, homeDir, port);
    await asPostgresUser('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    await cluster.start();
    return cluster;
  }

  /**
   * A fast shutdown (open sessions are terminated, in-flight transactions roll back) followed by a start.
   * Not `pg_ctl restart`: it cannot take a log file, so the new server would hold our stdout pipe open.
   */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** A fast shutdown: what an operator's restart or a failover does to the services' open connections. */
  async stop(): Promise<void> {
    await this.pgCtl('stop', '-m', 'fast');
  }

  async start(): Promise<void> {
    // The socket lives in the temp dir, so nothing of the shared server's /var/run/postgresql is needed or touched.
    // fsync off: a cluster that lives for one test never needs to survive the machine crashing, only its own restarts.
    const settings = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.homeDir} -c fsync=off -c max_connections=200`;
    await this.pgCtl('start', '-o', settings, '-l', join(this.homeDir, 'server.log'));
  }

  async destroy(): Promise<void> {
    await this.pgCtl('stop', '-m', 'immediate').catch(() => undefined);
    rmSync(this.homeDir, { recursive: true, force: true });
  }

  private async pgCtl(action: string, ...args: string[]): Promise<void> {
    // -w waits until the server accepts connections (start) or is gone (stop).
    await asPostgresUser('pg_ctl', [action, '-D', this.dataDir, '-w', '-t', '60', ...args]);
  }
}

async function asPostgresUser(command: string, args: string[]): Promise<void> {
  const [file, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  await run(file, argv, { timeout: 120_000 });
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}
