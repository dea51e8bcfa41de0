import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { ColumnsForFields, selectColumnsFor } from './select-columns-for';
import { onlyUuids } from './uuid';

export type Ordering<T> = { [K in keyof T & string]?: 'ASC' | 'DESC' };

function whereUuidIn<T extends ObjectLiteral>(repository: Repository<T>, property: keyof T & string, ids: readonly string[]): SelectQueryBuilder<T> {
  return repository.createQueryBuilder('entity').where(`entity.${property} = ANY(:ids)`, { ids: onlyUuids(ids) });
}

/** Rows narrowed to the columns some GraphQL fields read (`selectColumnsFor`); without it, whole rows. */
export type NarrowedTo = ColumnsForFields & { fields: Iterable<string> };

function narrowed<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, to: NarrowedTo | undefined): SelectQueryBuilder<T> {
  return to ? selectColumnsFor(query, to.fields, to) : query;
}

/**
 * The rows with these ids, in no particular order, in one query: what DataLoaders and entity references
 * batch through. Ids that are not uuids are simply not found.
 */
export function findByIds<T extends ObjectLiteral & { id: string }>(repository: Repository<T>, ids: readonly string[], to?: NarrowedTo): Promise<T[]> {
  return narrowed(whereUuidIn(repository, 'id', ids), to).getMany();
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
  const query = narrowed(whereUuidIn(repository, property, ids), to && { ...to, always: [property, ...(to.always ?? [])] });
  for (const [orderBy, direction] of Object.entries(order)) query.addOrderBy(`entity.${orderBy}`, direction);
  return query.getMany();
}
