import { Client } from 'pg';
import { DEFAULT_DATABASE_URL } from '@aftercare/persistence';
import { describeScan, JsonPlan, statementKind, summarisePlan } from './statement-plans';

describe('statementKind', () => {
  it.each([
    ['SELECT "o"."id" AS "o_id" FROM "sales_order" "o" WHERE "o"."id" = ANY($1)', 'read'],
    ['  WITH ranked AS (SELECT id FROM work_order) SELECT * FROM ranked', 'read'],
    [`SELECT "c"."updated_at" FROM "customer" "c"`, 'read'],
    [`SELECT set_config('role', $1, true), set_config('aftercare.caller_kind', $2, true)`, 'setting'],
    ['SET LOCAL lock_timeout = 1000', 'setting'],
    ['START TRANSACTION', 'transaction'],
    ['BEGIN', 'transaction'],
    ['COMMIT', 'transaction'],
    ['ROLLBACK', 'transaction'],
    ['SAVEPOINT typeorm_1', 'transaction'],
    ['RELEASE SAVEPOINT typeorm_1', 'transaction'],
    ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'transaction'],
    ['INSERT INTO "outbox_event"("id") VALUES ($1)', 'write'],
    ['UPDATE "work_order" SET "status" = $1', 'write'],
    ['DELETE FROM "call_task"', 'write'],
    ['WITH moved AS (UPDATE work_order SET status = $1 RETURNING id) SELECT id FROM moved', 'write'],
    ['SELECT id FROM work_order WHERE id = $1 FOR UPDATE', 'write'],
    [`SELECT nextval('outbox_seq')`, 'write'],
  ])('%s is a %s', (sql, kind) => {
    expect(statementKind(sql)).toBe(kind);
  });
});

describe('summarisePlan', () => {
  it('reads the totals off the root and every scan node, outermost first, with the rows each went through over its loops', () => {
    const plan: JsonPlan = [
      {
        Plan: {
          'Node Type': 'Nested Loop',
          'Actual Rows': 12,
          'Actual Loops': 1,
          'Shared Hit Blocks': 40,
          'Shared Read Blocks': 3,
          Plans: [
            { 'Node Type': 'Seq Scan', 'Relation Name': 'customer', 'Actual Rows': 4, 'Actual Loops': 1, 'Rows Removed by Filter': 396 },
            {
              'Node Type': 'Bitmap Heap Scan',
              'Relation Name': 'complaint',
              'Actual Rows': 3,
              'Actual Loops': 4,
              Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'IDX_complaint_customer', 'Actual Rows': 3, 'Actual Loops': 4 }],
            },
          ],
        },
        'Planning Time': 0.21,
        'Execution Time': 0.57,
      },
    ];

    const summary = summarisePlan(plan);

    expect(summary).toEqual({
      rows: 12,
      executionMs: 0.57,
      planningMs: 0.21,
      sharedHit: 40,
      sharedRead: 3,
      scans: [
        { node: 'Seq Scan', relation: 'customer', index: undefined, rowsRead: 400, rowsReturned: 4 },
        { node: 'Bitmap Heap Scan', relation: 'complaint', index: undefined, rowsRead: 12, rowsReturned: 12 },
        { node: 'Bitmap Index Scan', relation: undefined, index: 'IDX_complaint_customer', rowsRead: 12, rowsReturned: 12 },
      ],
    });
    expect(summary.scans.map(describeScan)).toEqual([
      'Seq Scan on customer',
      'Bitmap Heap Scan on complaint',
      'Bitmap Index Scan using IDX_complaint_customer',
    ]);
  });

  describe("on PostgreSQL's own EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)", () => {
    const client = new Client({ connectionString: process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL });
    const explain = async (sql: string, parameters: unknown[] = []) =>
      summarisePlan((await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters)).rows[0]['QUERY PLAN'] as JsonPlan);

    beforeAll(async () => {
      await client.connect();
      // Not a temporary table: those live in local buffers, and the summary reads the shared ones.
      await client.query('DROP TABLE IF EXISTS plan_spec_order');
      await client.query('CREATE TABLE plan_spec_order (id int PRIMARY KEY, city text NOT NULL)');
      await client.query(`INSERT INTO plan_spec_order SELECT g, CASE WHEN g % 10 = 0 THEN 'Shanghai' ELSE 'Beijing' END FROM generate_series(1, 1000) g`);
      await client.query('ANALYZE plan_spec_order');
    });

    afterAll(async () => {
      await client.query('DROP TABLE plan_spec_order');
      await client.end();
    });

    it('names the index a lookup by key goes through, and the rows it returned', async () => {
      const summary = await explain('SELECT * FROM plan_spec_order WHERE id = $1', [7]);

      expect(summary.rows).toBe(1);
      expect(summary.scans.map(describeScan)).toEqual(['Index Scan using plan_spec_order_pkey on plan_spec_order']);
      expect(summary.executionMs).toBeGreaterThan(0);
      expect(summary.planningMs).toBeGreaterThan(0);
      expect(summary.sharedHit + summary.sharedRead).toBeGreaterThan(0);
    });

    it('counts the rows a Seq Scan went through, those its filter dropped included', async () => {
      const summary = await explain('SELECT * FROM plan_spec_order WHERE city = $1', ['Shanghai']);

      expect(summary.rows).toBe(100);
      expect(summary.scans).toEqual([{ node: 'Seq Scan', relation: 'plan_spec_order', index: undefined, rowsRead: 1000, rowsReturned: 100 }]);
    });
  });
});
