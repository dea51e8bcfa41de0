import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts one row and returns it as TypeORM would load it — database defaults, generated ids and timestamps
 * included — from the INSERT's own `RETURNING *`, instead of reading it back with a second statement. With
 * `orIgnore`, a row that conflicts with one already there inserts nothing and yields null.
 */
export async function insertReturning<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
  options: { orIgnore?: boolean } = {},
): Promise<T | null> {
  const insert = manager.createQueryBuilder().insert().into(target).values(values);
  const { raw } = await (options.orIgnore ? insert.orIgnore() : insert).returning('*').execute();
  const [row] = raw as Record<string, unknown>[];
  return row ? entityFromRow(manager, target, row) : null;
}

/** A row as the driver returned it, hydrated the way a `find` hydrates: each column's type and transformer applied. */
function entityFromRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
