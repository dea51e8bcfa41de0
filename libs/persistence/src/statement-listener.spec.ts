import { DataSource } from 'typeorm';
import { openSpecDatabase } from './persistence.spec-support';
import { onEveryStatement } from './statement-listener';

describe('onEveryStatement (real PostgreSQL)', () => {
  let dataSource: DataSource;
  const heard: { sql: string; parameters: unknown[] }[] = [];

  beforeAll(async () => {
    dataSource = await openSpecDatabase();
    onEveryStatement(dataSource, (sql, parameters) => heard.push({ sql, parameters }));
  });

  afterAll(() => dataSource.destroy());

  beforeEach(() => heard.splice(0));

  it('hears each statement with the parameters it was bound to, and without any as none', async () => {
    await dataSource.query('SELECT $1::int + $2::int AS sum', [2, 3]);
    await dataSource.query('SELECT 1');

    expect(heard).toEqual([
      { sql: 'SELECT $1::int + $2::int AS sum', parameters: [2, 3] },
      { sql: 'SELECT 1', parameters: [] },
    ]);
  });

  it('hears transaction control too, in the order it is sent', async () => {
    await dataSource.transaction((manager) => manager.query('SELECT $1::text AS word', ['inside']));

    expect(heard.map((statement) => statement.sql)).toEqual(['START TRANSACTION', 'SELECT $1::text AS word', 'COMMIT']);
    expect(heard[1]!.parameters).toEqual(['inside']);
  });
});
