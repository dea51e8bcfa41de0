import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Hands a value to the statement as a parameter and answers its placeholder (`$7`). */
export type Parameter = (value: unknown) => string;

export interface InsertReturningOptions {
  /** A row that conflicts with one already there inserts nothing and yields null. */
  orIgnore?: boolean;
  /**
   * A statement that goes with the insert in the same round trip, reading the new row as `inserted` (a
   * work order's first transition, say): `(parameter) => \`INSERT INTO … SELECT inserted.id, ${parameter(actor)} FROM inserted\``.
   * It sees no row when nothing was inserted.
   */
  alongside?: (parameter: Parameter) => string;
}

/**
 * Inserts one row and returns it as TypeORM would load it — database defaults, generated ids and timestamps
 * included — from the INSERT's own `RETURNING *`, instead of reading it back with a second statement.
 */
export async function insertReturning<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
  options: InsertReturningOptions = {},
): Promise<T | null> {
  const built = manager.createQueryBuilder().insert().into(target).values(values);
  const insert = (options.orIgnore ? built.orIgnore() : built).returning('*');
  const [row] = options.alongside ? await withAlongside(manager, insert.getQueryAndParameters(), options.alongside) : (await insert.execute()).raw;
  return row ? entityFromRow(manager, target, row) : null;
}

/** The insert as a data-modifying WITH, so the statement alongside runs in the same statement and reads its row. */
function withAlongside(manager: EntityManager, [insertSql, insertParameters]: [string, unknown[]], alongside: InsertReturningOptions['alongside'] & {}) {
  const parameters = [...insertParameters];
  const also = alongside((value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  });
  return manager.query(`WITH inserted AS (${insertSql}), alongside AS (${also}) SELECT * FROM inserted`, parameters) as Promise<Record<string, unknown>[]>;
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
