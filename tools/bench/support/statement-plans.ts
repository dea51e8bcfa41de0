/**
 * What the bench's `explain` part makes of the statements a service sent: which it may EXPLAIN ANALYZE (that runs
 * them), and what PostgreSQL's JSON plan says about each.
 */

/**
 * A read is explained; a setting (set_config: the row-security role and caller) is replayed, so the reads after
 * it plan as they ran; transaction control and writes are skipped, a write because EXPLAIN ANALYZE would do it.
 */
export type StatementKind = 'read' | 'setting' | 'transaction' | 'write';

const TRANSACTION_CONTROL = /^(START\s+TRANSACTION|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION)\b/i;
const SETTING = /^(SELECT\s+set_config\s*\(|SET\s)/i;
const READ = /^(SELECT|WITH)\b/i;
/** A SELECT or WITH that changes something all the same: a data-modifying CTE, a row lock, a sequence moved on (never rolled back). */
const CHANGES = /\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval)\b/i;

export function statementKind(sql: string): StatementKind {
  const text = sql.trim();
  if (TRANSACTION_CONTROL.test(text)) return 'transaction';
  if (SETTING.test(text)) return 'setting';
  return READ.test(text) && !CHANGES.test(text) ? 'read' : 'write';
}

/** How a plan read one table: `Index Scan using IDX_… on work_order`, `Seq Scan on complaint`. */
export interface PlanScan {
  node: string;
  index?: string;
  relation?: string;
  /** Rows the scan went through over all its loops: those it returned and those its filter dropped. */
  rowsRead: number;
  rowsReturned: number;
}

export interface PlanSummary {
  /** Rows the statement returned. */
  rows: number;
  executionMs: number;
  planningMs: number;
  /** Shared buffers the execution found in PostgreSQL's cache, and those it read from the operating system. */
  sharedHit: number;
  sharedRead: number;
  /** Every node that scans a table or an index, outermost first. */
  scans: PlanScan[];
}

/** One node of EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON), the fields read here. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** What EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) answers: one element per statement explained. */
export type JsonPlan = [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }];

export function summarisePlan([explained]: JsonPlan): PlanSummary {
  const root = explained.Plan;
  return {
    rows: root['Actual Rows'] * root['Actual Loops'],
    executionMs: explained['Execution Time'],
    planningMs: explained['Planning Time'],
    // A node's buffers include its children's: the root's are the statement's.
    sharedHit: root['Shared Hit Blocks'] ?? 0,
    sharedRead: root['Shared Read Blocks'] ?? 0,
    scans: scansOf(root),
  };
}

function scansOf(node: PlanNode): PlanScan[] {
  const own: PlanScan[] =
    node['Relation Name'] || node['Index Name']
      ? [
          {
            node: node['Node Type'],
            index: node['Index Name'],
            relation: node['Relation Name'],
            // EXPLAIN gives both counts as averages per loop.
            rowsRead: Math.round((node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']),
            rowsReturned: Math.round(node['Actual Rows'] * node['Actual Loops']),
          },
        ]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

export function describeScan(scan: PlanScan): string {
  return `${scan.node}${scan.index ? ` using ${scan.index}` : ''}${scan.relation ? ` on ${scan.relation}` : ''}`;
}
