import { DataSource } from 'typeorm';

export interface SchemaDrift {
  up: string[];
  down: string[];
}

/**
 * The SQL that would bring the migrated database in line with the entities. Empty means the
 * migrations and the entity classes agree; anything else is a migration still to be written.
 */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((query) => query.query),
    down: log.downQueries.map((query) => query.query).reverse(),
  };
}
