import type { DataSource, EntityManager } from 'typeorm';

/** Long enough for the other transactions to reach the same reads while this one's writes are uncommitted. */
const HOLD_MS = 300;

/**
 * Each piece of work in a transaction of its own, all at once, each kept open a while after its work: what two
 * instances of a service (or two partitions of one consumer) applying events at the same moment do. Work that
 * reads what the others write, and was not serialised, misses their uncommitted rows.
 */
export async function inOverlappingTransactions(dataSource: DataSource, works: ((manager: EntityManager) => Promise<unknown>)[]): Promise<void> {
  await Promise.all(
    works.map((work) =>
      dataSource.transaction(async (manager) => {
        await work(manager);
        await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      }),
    ),
  );
}
