import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { DatabaseConfig, urlForDatabase } from './database-config';
import { ensureDatabase } from './ensure-database';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDatabaseOptions {
  config: DatabaseConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /**
   * Told when a pooled connection that sat idle dies (the server restarted, a failover): the pool drops
   * it and opens a new one on the next checkout, so this is for the log, never a reason to stop.
   */
  onIdleConnectionLost?: (error: Error) => void;
}

/**
 * A checkout waits at most this long for a connection (an unreachable host, a pool exhausted by stuck
 * work); the request then fails as DATABASE_UNAVAILABLE instead of hanging. A server that is down
 * refuses at once; this only bounds the cases where nothing answers at all.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 10_000;

/** A DataSource for one service's database. Schema changes only ever come from migrations. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: urlForDatabase(options.config.serverUrl, options.config.database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension to install.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS },
    // Replaces TypeORM's own handler (a line on its console logger) so a restart shows in the service's log.
    poolErrorHandler: (error: Error) => options.onIdleConnectionLost?.(error),
  });
}

/**
 * The advisory lock (session level, in the service's own database) held while migrations run: the key pair
 * hashtext('aftercare') / hashtext('migrations'), apart from lockUntilCommit's scopes.
 */
const MIGRATION_LOCK = `SELECT pg_advisory_lock(hashtext('aftercare'), hashtext('migrations'))`;
const MIGRATION_UNLOCK = `SELECT pg_advisory_unlock(hashtext('aftercare'), hashtext('migrations'))`;

/**
 * Creates the database if needed, connects, and applies pending migrations (each in its own transaction).
 * Replicas starting at once (a rollout, a migration Job next to a pod) would otherwise both find the same
 * migrations pending and both run them: they take turns on an advisory lock instead, and the second finds
 * nothing left to do. The lock lives on a connection of its own, so a process that dies mid-way frees it.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.config);
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.query(MIGRATION_LOCK);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query(MIGRATION_UNLOCK);
    }
  } catch (error) {
    await lockHolder.release();
    await dataSource.destroy();
    throw error;
  }
  await lockHolder.release();
  return dataSource;
}
