import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@aftercare/event-contracts';
import { OutboxEvent } from '@aftercare/messaging';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * How many rows a table holds, optionally only those matching `where` (with $1… parameters): how a test
 * proves a refused request stored nothing, or a redelivered event was recorded once.
 */
export async function countRows(dataSource: DataSource, table: string, where = 'TRUE', parameters: unknown[] = []): Promise<number> {
  if (!TABLE_NAME.test(table)) throw new Error(`countRows: ${JSON.stringify(table)} is not a table name`);
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, parameters);
  return n;
}

/** The row counts of several tables under names of the test's choosing, e.g. `{ orders: 'sales_order' }`. */
export async function rowCounts<TName extends string>(dataSource: DataSource, tables: Record<TName, string>): Promise<Record<TName, number>> {
  const counts = {} as Record<TName, number>;
  for (const [name, table] of Object.entries(tables) as [TName, string][]) counts[name] = await countRows(dataSource, table);
  return counts;
}

/** The events of one type a service's outbox holds for one aggregate (its message key), in commit order. */
export async function outboxEvents(dataSource: DataSource, eventType: string, messageKey: string): Promise<EventEnvelope[]> {
  const events = await dataSource.getRepository(OutboxEvent).find({ where: { eventType, messageKey }, order: { sequence: 'ASC' } });
  return events.map((event) => event.envelope);
}

/**
 * The SQL statements a service sent while `work` ran (every statement passes the DataSource's logger):
 * how a test proves a request is served by a fixed number of queries, not one per row.
 */
export async function sqlStatementsDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logQuery = jest.spyOn(dataSource.logger, 'logQuery');
  try {
    await work();
    return logQuery.mock.calls.map(([sql]) => sql);
  } finally {
    logQuery.mockRestore();
  }
}
