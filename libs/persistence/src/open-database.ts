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
}

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
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Creates the database if needed, connects, and applies pending migrations (each in its own transaction). */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.config);
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
