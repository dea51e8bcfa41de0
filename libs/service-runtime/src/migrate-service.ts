import { InboxEvent, messagingMigrations, OutboxEvent } from '@aftercare/messaging';
import { createServiceDataSource, DatabaseConfig, openServiceDatabase, ServiceDatabaseOptions } from '@aftercare/persistence';
import { serviceDatabaseFrom } from './service-config';
import type { ServiceDefinition } from './service-definition';

/** The tables a service's database holds: the messaging tables (outbox, inbox) next to its own, and their migrations. */
export function serviceDatabaseOptions(definition: ServiceDefinition, config: DatabaseConfig): ServiceDatabaseOptions {
  return {
    config,
    entities: [OutboxEvent, InboxEvent, ...definition.entities],
    migrations: [...messagingMigrations, ...definition.migrations],
  };
}

export interface MigrationOutcome {
  database: string;
  /** Migrations this run applied, in order (empty when the database was already current). */
  applied: string[];
  /** Migrations the database has recorded after this run. */
  recorded: number;
}

/**
 * Creates the service's database if needed and applies its pending migrations, nothing else: no broker, no
 * HTTP, no gateway keys. What a deployment's migration Job runs (`node main.js --migrate`) before the new
 * version rolls out, so a rollout never waits on, or races over, a schema change. Starting a service still
 * migrates too (development, and a Job skipped by hand), which finds nothing pending after the Job.
 */
export async function migrateService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<MigrationOutcome> {
  const config = serviceDatabaseFrom(definition, env);
  const options = serviceDatabaseOptions(definition, config);
  const before = await recordedMigrations(options);
  const dataSource = await openServiceDatabase(options);
  try {
    const names = (await dataSource.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[];
    return { database: config.database, applied: names.map((row) => row.name).filter((name) => !before.has(name)), recorded: names.length };
  } finally {
    await dataSource.destroy();
  }
}

/** Names already recorded, read without applying anything (an empty set for a database or table not there yet). */
async function recordedMigrations(options: ServiceDatabaseOptions): Promise<Set<string>> {
  const dataSource = createServiceDataSource(options);
  try {
    await dataSource.initialize();
    const rows = (await dataSource.query(`SELECT name FROM migrations`)) as { name: string }[];
    return new Set(rows.map((row) => row.name));
  } catch {
    return new Set();
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
