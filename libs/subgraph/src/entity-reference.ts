import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { notFound } from './errors';
import { alignByKey } from './loaders';
import { RequestContext } from './request-context';
import { fieldSetKey, selectedFieldsOn } from './selected-fields';

export type LoadByIds<T> = (ids: readonly string[], context: RequestContext) => Promise<T[]>;

/**
 * The request's by-id loader for one kind of entity. Field resolvers and `__resolveReference` that pass
 * the same key share it, so an order and its customer reference are fetched in one query.
 */
export function byIdLoader<T extends { id: string }>(context: RequestContext, key: unknown, loadByIds: LoadByIds<T>): DataLoader<string, T | null> {
  return context.loaders.get<string, T | null>(key, async (ids) => alignByKey(ids, await loadByIds(ids, context), (row) => row.id));
}

/**
 * One entity by id through the request's by-id loader (so it shares a batch and a cache with references
 * to it), or NOT_FOUND. Malformed ids are simply not found.
 */
export async function loadOrNotFound<T extends { id: string }>(
  context: RequestContext,
  key: unknown,
  entityName: string,
  id: string,
  loadByIds: LoadByIds<T>,
): Promise<T> {
  const entity = await byIdLoader(context, key, loadByIds).load(id);
  if (!entity) throw notFound(entityName, id);
  return entity;
}

/**
 * A batched `__resolveReference`: the gateway asks once per representation, the DataLoader turns all
 * representations of one request into a single lookup.
 */
export function batchedReference<T extends { id: string }>(key: unknown, loadByIds: LoadByIds<T>) {
  return {
    __resolveReference: (reference: { id: string }, context: RequestContext): Promise<T | null> => byIdLoader(context, key, loadByIds).load(reference.id),
  };
}

export type LoadByIdsFor<T> = (ids: readonly string[], context: RequestContext, fields: ReadonlySet<string>) => Promise<T[]>;

/**
 * A batched `__resolveReference` that reads only what the gateway asks of the entity: `loadByIds` is told the
 * fields the fetch selects on this type (e.g. to narrow its columns with `selectColumnsFor`), and the
 * representations of one fetch asking the same fields share one lookup. Use it where entities are resolved by
 * the hundred and their rows are wide (a list's customers); `batchedReference` reads whole rows.
 */
export function narrowedReference<T extends { id: string }>(key: unknown, loadByIds: LoadByIdsFor<T>) {
  return {
    // `info` is typed loosely: GraphQLResolverMap reads the three arguments as a field resolver's first three.
    __resolveReference: (reference: { id: string; __typename: string }, context: RequestContext, info: unknown): Promise<T | null> => {
      const fields = selectedFieldsOn(info as GraphQLResolveInfo, reference.__typename);
      return context.loaders
        .loaderOf<string, T | null>('one', key, async (ids) => alignByKey(ids, await loadByIds(ids, context, fields), (row) => row.id), fieldSetKey(fields))
        .load(reference.id);
    },
  };
}
