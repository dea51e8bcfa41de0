import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingMigrations } from '@aftercare/messaging';
import { dropDatabase, urlForDatabase } from '@aftercare/persistence';
import { migrateService } from './migrate-service';
import { runServiceMain } from './run-service-main';
import { serviceDatabaseFrom } from './service-config';
import type { ServiceDefinition } from './service-definition';

const serverUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

class CreateVisit1900000000001 implements MigrationInterface {
  name = 'CreateVisit1900000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "visit" ("id" serial PRIMARY KEY)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "visit"`);
  }
}

class AddVisitNote1900000000002 implements MigrationInterface {
  name = 'AddVisitNote1900000000002';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit" ADD "note" text`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit" DROP COLUMN "note"`);
  }
}

/** Migrating never builds the GraphQL schema, so the definition needs no real resolver. */
class NoResolvers {}

function definitionWith(migrations: ServiceDefinition['migrations']): ServiceDefinition {
  return { name: 'sales', defaultPort: 0, entities: [], migrations, resolvers: [NoResolvers], access: { service: 'sales', Query: {}, Mutation: {} } };
}

async function columnsOf(database: string, table: string): Promise<string[]> {
  const client = new Client({ connectionString: urlForDatabase(serverUrl, database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((row) => row.column_name);
  } finally {
    await client.end();
  }
}

describe('migrateService (what the migration Job runs)', () => {
  // No broker and no gateway keys: a production-mode environment with only the database, as the Job has.
  const env = { NODE_ENV: 'production', DATABASE_URL: serverUrl, DATABASE_PREFIX: `t_migrate_${randomBytes(4).toString('hex')}`, KAFKA_BROKERS: '127.0.0.1:1' };
  const database = serviceDatabaseFrom(definitionWith([]), env);

  afterAll(() => dropDatabase(database));

  it('creates the database, applies what is pending, reports it, and applies nothing the second time', async () => {
    const first = await migrateService(definitionWith([CreateVisit1900000000001]), env);
    expect(first.database).toBe(database.database);
    // The messaging tables' migrations come first, then the service's own.
    expect(first.applied.at(-1)).toBe('CreateVisit1900000000001');
    expect(first.applied.length).toBeGreaterThan(1);
    expect(first.recorded).toBe(first.applied.length);
    expect(await columnsOf(database.database, 'visit')).toEqual(['id']);
    expect(await columnsOf(database.database, 'outbox_event')).toContain('trace_context');

    const again = await migrateService(definitionWith([CreateVisit1900000000001]), env);
    expect(again).toEqual({ database: database.database, applied: [], recorded: first.recorded });

    // The next release's Job applies only the new migration.
    const next = await migrateService(definitionWith([CreateVisit1900000000001, AddVisitNote1900000000002]), env);
    expect(next.applied).toEqual(['AddVisitNote1900000000002']);
    expect(await columnsOf(database.database, 'visit')).toEqual(['id', 'note']);
  });

  it('`main.js --migrate` migrates and returns without serving; a failed migration ends with exit code 1', async () => {
    const saved = { ...process.env };
    const exitCode = process.exitCode;
    try {
      // Production mode without GATEWAY_PUBLIC_KEYS: starting the service would refuse (and exit); --migrate needs none.
      // A jest worker's exit code is the process's, shared by every spec file it runs: this one starts from none. A
      // failure here logs why (errors only); the broken migration below fails on purpose, silently.
      process.exitCode = undefined;
      Object.assign(process.env, env, { LOG_LEVEL: 'error' });
      await runServiceMain(definitionWith([CreateVisit1900000000001, AddVisitNote1900000000002]), ['--migrate']);
      expect(process.exitCode ?? 0).toBe(0);
      process.env['LOG_LEVEL'] = 'silent';

      class Broken1900000000003 implements MigrationInterface {
        name = 'Broken1900000000003';
        async up(queryRunner: QueryRunner): Promise<void> {
          await queryRunner.query(`ALTER TABLE "no_such_table" ADD "x" int`);
        }
        async down(): Promise<void> {
          return undefined;
        }
      }
      await runServiceMain(definitionWith([CreateVisit1900000000001, AddVisitNote1900000000002, Broken1900000000003]), ['--migrate']);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
      process.env = saved;
    }
  });
});

class CountVisitMigrations1900000000004 implements MigrationInterface {
  name = 'CountVisitMigrations1900000000004';
  async up(queryRunner: QueryRunner): Promise<void> {
    // Not idempotent on purpose: a second run of this migration would leave a second row.
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS "visit_migration_run" ("at" timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await queryRunner.query(`INSERT INTO "visit_migration_run" DEFAULT VALUES`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "visit_migration_run"`);
  }
}

describe('two replicas starting at once on a fresh database (a rollout, or a Job and a pod)', () => {
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: serverUrl,
    DATABASE_PREFIX: `t_migrate_race_${randomBytes(4).toString('hex')}`,
    KAFKA_BROKERS: '127.0.0.1:1',
  };
  const definition = definitionWith([CreateVisit1900000000001, AddVisitNote1900000000002, CountVisitMigrations1900000000004]);
  const database = serviceDatabaseFrom(definition, env);

  afterAll(() => dropDatabase(database));

  it('both succeed, one after the other: every migration applied and recorded once (an advisory lock serialises them)', async () => {
    // Each run has its own connections, as two processes would: they meet only in PostgreSQL.
    const runs = await Promise.allSettled([migrateService(definition, env), migrateService(definition, env)]);
    expect(runs.map((run) => (run.status === 'rejected' ? String(run.reason) : 'ok'))).toEqual(['ok', 'ok']);

    const client = new Client({ connectionString: urlForDatabase(serverUrl, database.database) });
    await client.connect();
    try {
      const { rows: recordedTwice } = await client.query(`SELECT name FROM migrations GROUP BY name HAVING count(*) > 1`);
      const { rows: runsOfCounted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM visit_migration_run`);
      const { rows: recorded } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM migrations`);
      expect(recordedTwice).toEqual([]);
      expect(runsOfCounted[0]?.n).toBe(1);
      expect(recorded[0]?.n).toBe(definition.migrations.length + messagingMigrations.length);
      expect(await columnsOf(database.database, 'visit')).toEqual(['id', 'note']);
    } finally {
      await client.end();
    }
  });
});
