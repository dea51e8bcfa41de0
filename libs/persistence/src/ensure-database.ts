import { Client } from 'pg';
import { DatabaseConfig } from './database-config';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/** Creates the service's database when missing; safe when several processes race to do it. */
export async function ensureDatabase(config: DatabaseConfig): Promise<void> {
  const client = new Client({ connectionString: config.serverUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE "${config.database}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Two services (or two test workers) creating the same database at once: the loser's error is harmless.
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw error;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(config: DatabaseConfig): Promise<void> {
  const client = new Client({ connectionString: config.serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${config.database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix`: a test run's or a scratch environment's leftovers. */
export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<string[]> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
