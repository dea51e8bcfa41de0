import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { fieldSetKey, selectedFields } from './selected-fields';

declare const loaderTypes: unique symbol;

/**
 * A typed, unique name for one request-scoped loader: what it is keyed by (K) and what it yields (V).
 * Declare one per loader (`const ORDERS_BY_CUSTOMER = loaderKey<string, Order[]>('orders by customer')`) so
 * two loaders can never share a cache by accident and `get` checks the batch function's types.
 */
export class LoaderKey<K, V> {
  declare readonly [loaderTypes]: (key: K) => V;
  constructor(readonly description: string) {}
  toString(): string {
    return `LoaderKey(${this.description})`;
  }
}

export function loaderKey<K, V>(description: string): LoaderKey<K, V> {
  return new LoaderKey<K, V>(description);
}

/**
 * Older call sites key loaders by an entity class, a string or a symbol; still unique per kind of loader,
 * but untyped: prefer a LoaderKey.
 */
export type LegacyLoaderKey = unknown;

/** What a loader does with its key; loaders of different kinds never share a cache, whatever key they pass. */
type LoaderKind = 'one' | 'group';

/**
 * DataLoaders live for one request: they batch the N lookups of one query into one and never serve
 * another request's (possibly differently authorised) cache.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderKind, Map<unknown, Map<string, DataLoader<unknown, unknown>>>>();

  /** The request's loader for this key: one value per key (by id, a summary per customer, …). */
  get<K, V>(key: LoaderKey<K, V>, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V>;
  get<K, V>(key: LegacyLoaderKey, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V>;
  get<K, V>(key: LoaderKey<K, V> | LegacyLoaderKey, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    return this.loaderOf('one', key, batch);
  }

  /**
   * @internal the registry behind `get` and `groupLoader`, per kind of loader. A `variant` keeps loaders of one key
   * apart that read different columns (`fieldSetKey`): each batches on its own and never serves the other.
   */
  loaderOf<K, V>(kind: LoaderKind, key: unknown, batch: DataLoader.BatchLoadFn<K, V>, variant = ''): DataLoader<K, V> {
    let ofKind = this.loaders.get(kind);
    if (!ofKind) this.loaders.set(kind, (ofKind = new Map()));
    let ofKey = ofKind.get(key);
    if (!ofKey) ofKind.set(key, (ofKey = new Map()));
    let loader = ofKey.get(variant) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      ofKey.set(variant, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders rows to match the requested keys, with null where a key has no row, as DataLoader requires. */
export function alignByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups rows under the requested keys, with an empty list for keys that have none. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * The request's one-to-many loader (an order's work orders, a plan's stages): the keys asked for in one
 * tick are read with one `loadByKeys`, and each key gets the rows `keyOf` assigns to it, possibly none.
 */
export function groupLoader<K, V>(
  loaders: LoaderRegistry,
  key: LoaderKey<K, V[]> | LegacyLoaderKey,
  loadByKeys: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
  /** Rows narrowed to some fields' columns: the key of that field set (`fieldSetKey`), so wider questions get their own. */
  variant?: string,
): DataLoader<K, V[]> {
  // A group loader keyed by an entity class must not take over that class's by-id loader (or the reverse).
  return loaders.loaderOf<K, V[]>('group', key, async (keys) => groupByKey(keys, await loadByKeys(keys), keyOf), variant);
}

/**
 * `groupLoader` for a list field whose rows need only the columns the query asks of each (`info`'s selection):
 * `loadByKeys` is told those fields, and each set of fields batches in a loader of its own, so narrowed rows never
 * answer a wider question. The list-field counterpart of `narrowedReference`.
 */
export function narrowedGroupLoader<K, V>(
  loaders: LoaderRegistry,
  key: LoaderKey<K, V[]> | LegacyLoaderKey,
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  loadByKeys: (keys: readonly K[], fields: ReadonlySet<string>) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  const fields = selectedFields(info);
  return groupLoader(loaders, key, (keys) => loadByKeys(keys, fields), keyOf, fieldSetKey(fields));
}
