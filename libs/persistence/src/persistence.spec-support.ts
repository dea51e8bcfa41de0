import { DataSource, EntitySchema } from 'typeorm';
import { DEFAULT_DATABASE_URL } from './database-config';
import { createServiceDataSource } from './open-database';

/** The specs' data source: the server's maintenance database, with the entities a spec maps onto its own scratch tables. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function openSpecDatabase(entities: (Function | EntitySchema)[] = []): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    config: { serverUrl: process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL, database: 'postgres' },
    entities,
    migrations: [],
  });
  return dataSource.initialize();
}
