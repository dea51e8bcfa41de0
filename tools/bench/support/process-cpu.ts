import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICK_MS = 1000 / 100;

/** utime + stime of each listed process, in ms (Linux /proc); a process gone meanwhile counts 0. */
export function cpuMsOf(pids: number[]): Map<number, number> {
  const ms = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      ms.set(pid, 0);
    }
  }
  return ms;
}

/** utime + stime of a process and its descendants, in ms. */
export function cpuMs(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return [...cpuMsOf(tree).values()].reduce((sum, ms) => sum + ms, 0);
}

/**
 * CPU of the PostgreSQL backends serving the bench's databases (pg_stat_activity, by database name prefix),
 * read before and after a run: backends opened meanwhile count from zero, backends closed meanwhile are lost
 * (the services' pools are warm by the time anything is timed). Other helpers' databases are not counted.
 */
export class PostgresCpu {
  constructor(
    private readonly client: Client,
    private readonly databasePrefix: string,
  ) {}

  async snapshot(): Promise<Map<number, number>> {
    const { rows } = await this.client.query(`SELECT pid FROM pg_stat_activity WHERE datname LIKE $1 AND pid <> pg_backend_pid()`, [`${this.databasePrefix}%`]);
    return cpuMsOf(rows.map((row: { pid: number }) => row.pid));
  }

  /** ms spent since `before` by the backends alive now. */
  async since(before: Map<number, number>): Promise<number> {
    const after = await this.snapshot();
    let total = 0;
    for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
    return total;
  }
}
