import { EntityMetadata, ObjectLiteral, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ColumnsForFields, columnsFor } from './select-columns-for';
import { onlyUuids } from './uuid';

export type Ordering<T> = { [K in keyof T & string]?: 'ASC' | 'DESC' };

/** Rows narrowed to the columns some GraphQL fields read (`selectColumnsFor`); without it, whole rows. */
export type NarrowedTo = ColumnsForFields & { fields: Iterable<string> };

/**
 * The rows with these ids, in no particular order, in one query: what DataLoaders and entity references
 * batch through. Ids that are not uuids are simply not found.
 */
export function findByIds<T extends ObjectLiteral & { id: string }>(repository: Repository<T>, ids: readonly string[], to?: NarrowedTo): Promise<T[]> {
  return rowsWhereAnyOf(repository, 'id', ids, {}, to);
}

/**
 * The rows whose `property` (a uuid naming another row, e.g. a stage's planId) is one of these ids, in
 * one query and the given order: what one-to-many DataLoaders batch through. Ids that are not uuids match nothing.
 */
export function findReferencing<T extends ObjectLiteral>(
  repository: Repository<T>,
  property: keyof T & string,
  ids: readonly string[],
  order: Ordering<T> = {},
  to?: NarrowedTo,
): Promise<T[]> {
  // The grouping column is always read: the loader files each row under it.
  return rowsWhereAnyOf(repository, property, ids, order, to && { ...to, always: [property, ...(to.always ?? [])] });
}

interface Statement {
  sql: string;
  columns: ColumnMetadata[];
}

/**
 * Per entity, the statement of each shape (key column, order, columns read), written once; null for an entity that
 * is not only plain columns (decided once, too).
 */
const statements = new WeakMap<EntityMetadata, Map<string, Statement> | null>();

/**
 * These lookups run for every list relation and entity reference of every request. TypeORM's query builder would
 * write the same SQL again each time and hydrate rows through its general transformer; for an entity of plain
 * columns the statement is written once per shape and each row hydrated column by column, with the driver's own
 * conversion (dates, json, transformers) as TypeORM applies it. Entities with relations, embedded or virtual
 * (computed) columns, inheritance, relations loaded by themselves or keyed only through the relation, relation ids or
 * counts are read through the query builder.
 */
async function rowsWhereAnyOf<T extends ObjectLiteral>(
  repository: Repository<T>,
  property: string,
  ids: readonly string[],
  order: Record<string, 'ASC' | 'DESC' | undefined>,
  to: NarrowedTo | undefined,
): Promise<T[]> {
  const uuids = onlyUuids(ids);
  if (uuids.length === 0) return [];
  const { metadata, manager } = repository;
  const columns = to && columnsFor(metadata, to.fields, to);
  const shapes = statementsOf(metadata);
  if (!shapes) {
    const query = repository.createQueryBuilder('entity').where(`entity.${property} = ANY(:ids)`, { ids: uuids });
    if (columns) query.select(columns.map((column) => `entity.${column}`));
    for (const [orderBy, direction] of Object.entries(order)) if (direction) query.addOrderBy(`entity.${orderBy}`, direction);
    return query.getMany();
  }
  const { driver } = manager.connection;
  const statement = statementFor(shapes, metadata, driver, property, order, columns);
  const rows: Record<string, unknown>[] = await manager.query(statement.sql, [uuids]);
  return rows.map((row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of statement.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}

function statementsOf(metadata: EntityMetadata): Map<string, Statement> | null {
  let shapes = statements.get(metadata);
  if (shapes === undefined) {
    const plain =
      // A relation is left unloaded, as the query builder leaves it without a join, as long as nothing loads it
      // anyway (eager, lazy) and its key is a column of its own: a key kept only in the relation is not hydrated.
      metadata.relations.every((relation) => !relation.isEager && !relation.isLazy && relation.joinColumns.every((key) => !key.isVirtual)) &&
      metadata.relationIds.length === 0 &&
      metadata.relationCounts.length === 0 &&
      metadata.embeddeds.length === 0 &&
      metadata.childEntityMetadatas.length === 0 &&
      !metadata.discriminatorColumn &&
      // A @VirtualColumn is a subquery TypeORM writes into the select list.
      !metadata.columns.some((column) => column.isVirtualProperty);
    statements.set(metadata, (shapes = plain ? new Map() : null));
  }
  return shapes;
}

function statementFor(
  shapes: Map<string, Statement>,
  metadata: EntityMetadata,
  driver: { escape(name: string): string },
  property: string,
  order: Record<string, 'ASC' | 'DESC' | undefined>,
  columnNames: string[] | undefined,
): Statement {
  const key = `${property}|${Object.entries(order).join(';')}|${columnNames?.join(',') ?? '*'}`;
  let statement = shapes.get(key);
  if (!statement) {
    const escape = (name: string) => driver.escape(name);
    const column = (name: string) => {
      const found = metadata.findColumnWithPropertyName(name);
      if (!found) throw new Error(`${metadata.name} has no column ${name}`);
      return found;
    };
    const columns = columnNames ? columnNames.map(column) : metadata.columns.filter((candidate) => !candidate.isVirtual && candidate.isSelect);
    const orderBy = Object.entries(order)
      .filter(([, direction]) => direction)
      .map(([name, direction]) => `${escape(column(name).databaseName)} ${direction}`);
    const table = metadata.tablePath.split('.').map(escape).join('.');
    statement = {
      columns,
      sql:
        `SELECT ${columns.map((selected) => escape(selected.databaseName)).join(', ')} FROM ${table} ` +
        `WHERE ${escape(column(property).databaseName)} = ANY($1)${orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : ''}`,
    };
    shapes.set(key, statement);
  }
  return statement;
}
