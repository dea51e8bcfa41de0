import { DataSource } from 'typeorm';
import { lockUntilCommit } from './lock-until-commit';
import { openSpecDatabase } from './persistence.spec-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lockUntilCommit (real PostgreSQL)', () => {
  let dataSource: DataSource;
  const scope = `spec:${process.pid}:${Date.now()}`;

  beforeAll(async () => {
    dataSource = await openSpecDatabase();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** Two transactions that lock, note when they got the lock, hold it 200 ms and commit; returns the order of events. */
  async function race(first: { keys: string[]; mode?: 'shared' }, second: { keys: string[]; mode?: 'shared' }): Promise<string[]> {
    const seen: string[] = [];
    const holder = (name: string, { keys, mode }: { keys: string[]; mode?: 'shared' }, delayMs: number) =>
      dataSource.transaction(async (manager) => {
        await sleep(delayMs);
        await lockUntilCommit(manager, scope, keys, mode);
        seen.push(`${name} locked`);
        await sleep(200);
        seen.push(`${name} commits`);
      });
    await Promise.all([holder('first', first, 0), holder('second', second, 50)]);
    return seen;
  }

  it('makes a second transaction on the same key wait until the first commits', async () => {
    expect(await race({ keys: ['customer-1'] }, { keys: ['customer-1'] })).toEqual(['first locked', 'first commits', 'second locked', 'second commits']);
  });

  it('lets other keys, and shared holders of one key, run side by side', async () => {
    expect(await race({ keys: ['customer-2'] }, { keys: ['customer-3'] })).toEqual(['first locked', 'second locked', 'first commits', 'second commits']);
    expect(await race({ keys: ['model-x'], mode: 'shared' }, { keys: ['model-x'], mode: 'shared' })).toEqual([
      'first locked',
      'second locked',
      'first commits',
      'second commits',
    ]);
  });

  it('takes overlapping sets in one order, so they never wait on each other crosswise', async () => {
    expect(await race({ keys: ['b', 'a'] }, { keys: ['a', 'b', 'a'] })).toEqual(['first locked', 'first commits', 'second locked', 'second commits']);
  });
});
