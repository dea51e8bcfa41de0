import type { ExplainedRead, ScenarioPlans } from './explain-scenarios';
import { describeScan, PlanScan, StatementKind } from './statement-plans';

/**
 * A Seq Scan through more rows than this is worth a look: below it, reading the whole table is what the planner
 * should choose over an index.
 */
const SEQ_SCAN_ROWS_WORTH_NAMING = 300;

/** Scans listed per statement in the table; plans.md has them all. */
const SCANS_SHOWN = 4;

/**
 * A statement in a table cell: whitespace folded, a long select list left out (TypeORM lists every column, which
 * would fill the cell before the table is named), cut at about 80 characters, pipes escaped.
 */
export function shortStatement(sql: string, length = 80): string {
  const flat = sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^SELECT (DISTINCT )?(.{30,}?) FROM /i, (_all, distinct: string | undefined) => `SELECT ${distinct ?? ''}… FROM `);
  return (flat.length > length ? `${flat.slice(0, length)}…` : flat).replace(/\|/g, '\\|');
}

function scanCell(scans: PlanScan[]): string {
  const described = [...new Set(scans.map((scan) => (scan.node === 'Seq Scan' ? `${describeScan(scan)} (${scan.rowsRead} rows)` : describeScan(scan))))];
  const more = described.length - SCANS_SHOWN;
  return described.slice(0, SCANS_SHOWN).join(', ') + (more > 0 ? `, +${more} more` : '');
}

export function planRow(subgraph: string, { sql, summary }: ExplainedRead): string {
  return (
    `| ${subgraph} | \`${shortStatement(sql)}\` | ${summary.rows} | ${summary.executionMs} | ${summary.planningMs} | ` +
    `${summary.sharedHit} / ${summary.sharedRead} | ${scanCell(summary.scans)} |`
  );
}

/**
 * A Seq Scan that kept at most this share of the rows it went through was looking for a few of them: small as its
 * table is here, it reads the whole table for them whatever its size.
 */
const SELECTIVE_SHARE = 0.1;

export function seqScanVerdict(plans: ScenarioPlans): string {
  const seqScans = plans.requests
    .flatMap((request) => request.reads.flatMap((read) => read.summary.scans.map((scan) => ({ subgraph: request.subgraph, scan }))))
    .filter(({ scan }) => scan.node === 'Seq Scan')
    .sort((a, b) => b.scan.rowsRead - a.scan.rowsRead);
  const large = seqScans.filter(({ scan }) => scan.rowsRead > SEQ_SCAN_ROWS_WORTH_NAMING);
  const selective = seqScans.filter(
    ({ scan }) => scan.rowsRead > 0 && scan.rowsRead <= SEQ_SCAN_ROWS_WORTH_NAMING && scan.rowsReturned <= scan.rowsRead * SELECTIVE_SHARE,
  );
  const largest = seqScans[0];
  const size = large.length
    ? `**Seq Scan through more than ${SEQ_SCAN_ROWS_WORTH_NAMING} rows**: ${large.map(({ subgraph, scan }) => `${describeScan(scan)} in ${subgraph} (${scan.rowsRead} rows)`).join('; ')}`
    : `no Seq Scan through more than ${SEQ_SCAN_ROWS_WORTH_NAMING} rows` +
      (largest ? ` (the largest: ${describeScan(largest.scan)} in ${largest.subgraph}, ${largest.scan.rowsRead} rows)` : '; no Seq Scan at all');
  const lookups = selective.length
    ? `; a Seq Scan looking for a few rows, which reads its whole table whatever its size: ${selective
        .map(({ subgraph, scan }) => `${describeScan(scan)} in ${subgraph} (kept ${scan.rowsReturned} of ${scan.rowsRead})`)
        .join('; ')}`
    : '';
  return `Verdict: ${size}${lookups}.`;
}

const byService = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, n]) => `${service} ${n}`)
    .join(', ');

/** Counts per operation come to a tenth. */
function sum(values: number[]): number {
  return Math.round(values.reduce((total, n) => total + n, 0) * 10) / 10;
}

function scenarioLines(plans: ScenarioPlans): string[] {
  const sentByService: Record<string, number> = {};
  for (const request of plans.requests) sentByService[request.subgraph] = (sentByService[request.subgraph] ?? 0) + sum(Object.values(request.sent));
  const kinds = (kind: StatementKind) => sum(plans.requests.map((request) => request.sent[kind]));
  return [
    '',
    `### ${plans.title}`,
    '',
    `${plans.requests.length} subgraph requests. The services counted **${sum(Object.values(plans.counted))}** statements per operation ` +
      `(${byService(plans.counted)}; their own counters averaged over a few operations, which may carry a stray statement of a scrape or of background work); the replay sent **${sum(Object.values(sentByService))}** (${byService(sentByService)}): ` +
      `${kinds('read')} reads explained, ${kinds('setting')} settings replayed, ${kinds('write')} writes and ${kinds('transaction')} transaction control skipped.`,
    '',
    '| service | statement | rows | execution ms | planning ms | shared buffers hit / read | scans |',
    '|---|---|---|---|---|---|---|',
    ...plans.requests.flatMap((request) => request.reads.map((read) => planRow(request.subgraph, read))),
    '',
    seqScanVerdict(plans),
  ];
}

/** The section of gateway.md; the plans themselves go to plans.md. */
export function explainSection(plans: ScenarioPlans[] | undefined): string[] {
  const heading = ['', "## Where PostgreSQL spends the 360's time: EXPLAIN (ANALYZE, BUFFERS)", ''];
  if (!plans) return [...heading, 'Not run: `BENCH_ONLY` did not name `explain`.', ''];
  return [
    ...heading,
    "One operation of each scenario through our gateway (its own process, untimed), its subgraph requests recorded at the subgraphs' doors and " +
      "replayed in-process through each service's own schema on the bench's database for it (a process per service), every statement kept with " +
      'its parameters. Each read was then run under EXPLAIN (ANALYZE, BUFFERS) on one connection, in a transaction per subgraph request that ' +
      "replays the request's set_config settings in order (the row-security role) and is rolled back; writes and transaction control are " +
      "never explained. Every statement was explained twice: the second run (warm cache) is shown. The data is the bench's: " +
      'tables of a few hundred rows at most, so a plan here says what an index is used for, not how it scales. Full text plans: plans.md.',
    ...plans.flatMap(scenarioLines),
    '',
  ];
}

/** plans.md: every explained read of the scenarios with its parameters and its text plan. */
export function plansDocument(plans: ScenarioPlans[], when: Date): string {
  const lines = [
    '# Query plans behind the customer 360 and the list of 100 (`npm run bench`, part `explain`)',
    '',
    `${when.toISOString()} · EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT), the second of two runs (warm cache) · the summary is in gateway.md.`,
  ];
  for (const scenario of plans) {
    lines.push('', `## ${scenario.title}`);
    let n = 0;
    for (const request of scenario.requests) {
      for (const read of request.reads) {
        lines.push(
          '',
          `### ${(n += 1)}. ${request.subgraph}`,
          '',
          '```sql',
          read.sql.trim(),
          '```',
          '',
          `Parameters: \`${JSON.stringify(read.parameters)}\``,
          '',
          '```',
          read.textPlan,
          '```',
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
