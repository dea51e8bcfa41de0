import DataLoader from 'dataloader';

/**
 * DataLoaders live for one request: they batch the N lookups of one query into one and never serve
 * another request's (possibly differently authorised) cache.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<unknown, DataLoader<unknown, unknown>>();

  get<K, V>(key: unknown, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
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
  key: unknown,
  loadByKeys: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return loaders.get<K, V[]>(key, async (keys) => groupByKey(keys, await loadByKeys(keys), keyOf));
}
