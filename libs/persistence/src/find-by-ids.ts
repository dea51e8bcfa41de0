import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { onlyUuids } from './uuid';

export type Ordering<T> = { [K in keyof T & string]?: 'ASC' | 'DESC' };

function whereUuidIn<T extends ObjectLiteral>(repository: Repository<T>, property: keyof T & string, ids: readonly string[]): SelectQueryBuilder<T> {
  return repository.createQueryBuilder('entity').where(`entity.${property} = ANY(:ids)`, { ids: onlyUuids(ids) });
}

/**
 * The rows with these ids, in no particular order, in one query: what DataLoaders and entity references
 * batch through. Ids that are not uuids are simply not found.
 */
export function findByIds<T extends ObjectLiteral & { id: string }>(repository: Repository<T>, ids: readonly string[]): Promise<T[]> {
  return whereUuidIn(repository, 'id', ids).getMany();
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
): Promise<T[]> {
  const query = whereUuidIn(repository, property, ids);
  for (const [orderBy, direction] of Object.entries(order)) query.addOrderBy(`entity.${orderBy}`, direction);
  return query.getMany();
}
