export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface DatabaseConfig {
  /** URL of the PostgreSQL server; its path names the maintenance database used to create service databases. */
  serverUrl: string;
  /** The service's own database on that server. */
  database: string;
}

/**
 * Each service owns one database named after it (`aftercare_sales`, …). DATABASE_PREFIX lets tests and
 * side-by-side environments share a server without sharing data.
 */
export function databaseConfigFor(service: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const prefix = env['DATABASE_PREFIX'] || 'aftercare';
  return {
    serverUrl: env['DATABASE_URL'] || DEFAULT_DATABASE_URL,
    database: `${prefix}_${service}`.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase(),
  };
}

/** The server URL with its path pointed at another database. */
export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
