import type { EntityManager } from 'typeorm';

/**
 * Serialises transactions on keys of one scope until they commit or roll back (PostgreSQL advisory transaction
 * locks on the hash of the scope and of each key). For work that reads rows several aggregates change and writes
 * what it computed from them: taken before the read, it makes a second transaction wait, and that one's next
 * statement, a new snapshot under READ COMMITTED, sees what the first committed. Keys are taken in sorted order,
 * so two transactions locking overlapping sets never wait on each other crosswise. `shared` holders run side by
 * side and exclude only an `exclusive` holder of the same key.
 */
export async function lockUntilCommit(
  manager: EntityManager,
  scope: string,
  keys: readonly string[],
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${lock}(hashtext($1), hashtext(key)) FROM unnest($2::text[]) AS key`, [scope, sorted]);
}
