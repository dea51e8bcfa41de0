import type { ExplainedRead, ScenarioPlans } from './explain-scenarios';
import { planRow, seqScanVerdict, shortStatement } from './explain-report';
import type { PlanScan } from './statement-plans';

const read = (sql: string, scans: PlanScan[]): ExplainedRead => ({
  sql,
  parameters: [],
  summary: { rows: 3, executionMs: 0.08, planningMs: 0.3, sharedHit: 9, sharedRead: 1, scans },
  textPlan: '',
});

const plansOf = (reads: ExplainedRead[]): ScenarioPlans => ({
  scenario: 'c',
  title: '(c) customer 360',
  counted: { complaints: 1 },
  requests: [{ scenario: 'c', subgraph: 'complaints', sent: { read: reads.length, setting: 0, transaction: 0, write: 0 }, reads }],
});

describe('shortStatement', () => {
  it('leaves out a long select list, folds whitespace, cuts at 80 characters and escapes pipes', () => {
    const sql = `SELECT "c"."id" AS "c_id", "c"."status" AS "c_status", "c"."customer_id" AS "c_customer_id"
      FROM "complaint" "c" WHERE "c"."note" || 'x' <> '' AND "c"."customer_id" = ANY($1) ORDER BY "c"."filed_at" DESC, "c"."id" DESC`;

    expect(shortStatement(sql)).toBe(`SELECT … FROM "complaint" "c" WHERE "c"."note" \\|\\| 'x' <> '' AND "c"."customer_id…`);
  });

  it('keeps a short select list and a short statement whole', () => {
    expect(shortStatement('SELECT 1 AS one')).toBe('SELECT 1 AS one');
    expect(shortStatement('SELECT count(*) FROM work_order')).toBe('SELECT count(*) FROM work_order');
  });
});

describe('planRow', () => {
  it('is one table row: service, statement, rows, times, buffers and the distinct scans, Seq Scans with the rows they went through', () => {
    const row = planRow(
      'complaints',
      read('SELECT id FROM complaint', [
        { node: 'Seq Scan', relation: 'complaint', rowsRead: 120, rowsReturned: 2 },
        { node: 'Index Scan', index: 'IDX_a', relation: 'customer', rowsRead: 1, rowsReturned: 1 },
        { node: 'Index Scan', index: 'IDX_a', relation: 'customer', rowsRead: 1, rowsReturned: 1 },
      ]),
    );

    expect(row).toBe(
      '| complaints | `SELECT id FROM complaint` | 3 | 0.08 | 0.3 | 9 / 1 | Seq Scan on complaint (120 rows), Index Scan using IDX_a on customer |',
    );
  });
});

describe('seqScanVerdict', () => {
  it('names every Seq Scan through more than a few hundred rows', () => {
    const verdict = seqScanVerdict(
      plansOf([
        read('SELECT 1', [{ node: 'Seq Scan', relation: 'complaint', rowsRead: 1200, rowsReturned: 3 }]),
        read('SELECT 2', [{ node: 'Seq Scan', relation: 'customer', rowsRead: 40, rowsReturned: 40 }]),
      ]),
    );

    expect(verdict).toBe('Verdict: **Seq Scan through more than 300 rows**: Seq Scan on complaint in complaints (1200 rows).');
  });

  it('says none did, and names the largest', () => {
    const verdict = seqScanVerdict(
      plansOf([
        read('SELECT 1', [{ node: 'Seq Scan', relation: 'complaint', rowsRead: 0, rowsReturned: 0 }]),
        read('SELECT 2', [{ node: 'Seq Scan', relation: 'customer', rowsRead: 40, rowsReturned: 40 }]),
      ]),
    );

    expect(verdict).toBe('Verdict: no Seq Scan through more than 300 rows (the largest: Seq Scan on customer in complaints, 40 rows).');
  });

  it('names a small Seq Scan that kept few of the rows it read: a lookup that reads the whole table whatever its size', () => {
    const verdict = seqScanVerdict(plansOf([read('SELECT 1', [{ node: 'Seq Scan', relation: 'sales_order', rowsRead: 100, rowsReturned: 1 }])]));

    expect(verdict).toBe(
      'Verdict: no Seq Scan through more than 300 rows (the largest: Seq Scan on sales_order in complaints, 100 rows); ' +
        'a Seq Scan looking for a few rows, which reads its whole table whatever its size: Seq Scan on sales_order in complaints (kept 1 of 100).',
    );
  });

  it('says when there was no Seq Scan at all', () => {
    expect(seqScanVerdict(plansOf([read('SELECT 1', [{ node: 'Index Scan', index: 'IDX_a', relation: 'complaint', rowsRead: 1, rowsReturned: 1 }])]))).toBe(
      'Verdict: no Seq Scan through more than 300 rows; no Seq Scan at all.',
    );
  });
});
