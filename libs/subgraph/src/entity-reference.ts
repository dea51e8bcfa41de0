import DataLoader from 'dataloader';
import { notFound } from './errors';
import { alignByKey } from './loaders';
import { RequestContext } from './request-context';

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
