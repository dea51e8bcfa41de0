import { AddressInfo, createServer } from 'node:net';
import { Client } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { databaseUnavailability, isDatabaseUnavailable } from './database-availability';
import { DEFAULT_DATABASE_URL } from './database-config';
import { createServiceDataSource } from './open-database';

const serverUrl = process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;

/** A pool on the server's maintenance database: these tests read nothing and write nothing, they only lose sessions. */
function dataSourceOn(url: string): DataSource {
  return createServiceDataSource({ config: { serverUrl: url, database: 'postgres' }, entities: [], migrations: [] });
}

/** A port nobody listens on: bound by the OS, then given back. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

/** Ends one session from the outside, as a fast shutdown or a failover does (SQLSTATE 57P01 to the session). */
async function terminateSession(pid: number): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('database availability', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await dataSourceOn(serverUrl).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('a server that refuses connections is unavailable, and retrying is safe', async () => {
    const nobodyListens = new URL(serverUrl);
    nobodyListens.port = String(await unusedPort());
    const error = await failureOf(() => dataSourceOn(nobodyListens.toString()).initialize());
    expect(databaseUnavailability(error)).toEqual({ outcomeUnknown: false });
  });

  it('a session the server ended in the middle of a transaction is unavailable; the transaction rolled back', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    await terminateSession(pid);
    const error = await failureOf(() => runner.query('SELECT 1'));
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    expect(databaseUnavailability(error)).toEqual({ outcomeUnknown: false });
  });

  it("a statement through a transaction's manager after its session ended is unavailable: TypeORM released the runner", async () => {
    const error = await failureOf(() =>
      dataSource.transaction(async (manager) => {
        const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
        await terminateSession(pid);
        // The session's end reaches TypeORM first (it releases the runner); the next statement meets the released runner.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await manager.query('SELECT 1');
      }),
    );
    expect(databaseUnavailability(error)).toEqual({ outcomeUnknown: false });
  });

  it('a COMMIT that fails because the session was already gone is not an unknown outcome: nothing was committed', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    await terminateSession(pid);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await failureOf(() => runner.commitTransaction());
    await runner.release();
    expect(databaseUnavailability(error)).toEqual({ outcomeUnknown: false });
  });

  it('a connection lost while COMMIT itself was running leaves the outcome unknown', () => {
    // The moment cannot be provoked reliably from outside; this is the shape TypeORM gives it (the driver's error, the query).
    const lostDuringCommit = new QueryFailedError(
      'COMMIT',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    expect(databaseUnavailability(lostDuringCommit)).toEqual({ outcomeUnknown: true });
  });

  it('the pool replaces a lost connection by itself: the next query works', async () => {
    const [{ pid }] = await dataSource.query('SELECT pg_backend_pid() AS pid');
    await terminateSession(pid);
    // The idle connection's death reaches the pool ('error' on an idle client) and must not crash the process.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('a wrong statement or a broken rule is not an outage', async () => {
    const syntax = await failureOf(() => dataSource.query('SELEC 1'));
    const division = await failureOf(() => dataSource.query('SELECT 1 / 0'));
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(isDatabaseUnavailable(division)).toBe(false);
    expect(isDatabaseUnavailable(new Error('anything else'))).toBe(false);
  });
});
