import { DataSource } from 'typeorm';
import { CHINA_TIME_ZONE } from '@aftercare/business-time';
import { badInput, Injectable } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintKpis, DurationStats, KeyCount, ProductIssueReport, TrendDimension, TrendGranularity, TrendPoint } from './report.types';

/** `column` falls on the China-time days from..to (inclusive); $1 = from, $2 = to. */
const inPeriod = (column: string) =>
  `${column} >= ($1::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}') AND ${column} < (($2::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`;
const hours = (from: string, to: string) => `EXTRACT(EPOCH FROM (${to} - ${from})) / 3600`;
const round2 = (value: number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

const DIMENSION_COLUMN: Record<TrendDimension, string> = {
  CATEGORY: 'category',
  BRAND: 'brand',
  MODEL: 'product_model',
  ENGINEER: 'engineer_id',
};

/** KPIs, trends and product reports, each a few set-based queries over the period, whatever its size. */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  private checkPeriod(from: string, to: string): void {
    if (from > to) throw badInput('from must not be after to', 'from');
  }

  async kpis(from: string, to: string): Promise<ComplaintKpis> {
    this.checkPeriod(from, to);
    const q = <T>(sql: string) => this.dataSource.query(sql, [from, to]) as Promise<T[]>;
    const durations = (start: string, end: string) =>
      q<{ count: number; median: number | null; p90: number | null }>(
        `SELECT count(${end})::int AS count,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(start, end)}) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours(start, end)}) AS p90
         FROM complaint WHERE ${inPeriod('received_at')} AND ${end} IS NOT NULL`,
      ).then(([row]): DurationStats => ({ count: row.count, medianHours: round2(row.median), p90Hours: round2(row.p90) }));
    const countsBy = (column: string) =>
      q<KeyCount>(
        `SELECT COALESCE(${column}, 'unknown') AS key, count(*)::int AS count FROM complaint
         WHERE ${inPeriod('received_at')} GROUP BY 1 ORDER BY 2 DESC, 1`,
      );
    const [totals] = await q<{ received: number; reopened: number }>(
      `SELECT count(*)::int AS received, count(*) FILTER (WHERE reopen_count > 0)::int AS reopened FROM complaint WHERE ${inPeriod('received_at')}`,
    );
    const closedPerAgent = await q<{ agentId: string; closed: number }>(
      `SELECT closed_by AS "agentId", count(*)::int AS closed FROM complaint
       WHERE closed_by IS NOT NULL AND ${inPeriod('closed_at')} GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const compensationPaid = await q<{ month: string; payer: string; currency: string; count: number; amountCents: string }>(
      `SELECT to_char(decided_at AT TIME ZONE '${CHINA_TIME_ZONE}', 'YYYY-MM') AS month, payer, currency,
              count(*)::int AS count, sum(amount_cents)::bigint AS "amountCents"
       FROM compensation WHERE status = 'APPROVED' AND ${inPeriod('decided_at')}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const slaAttainment = await q<{ category: string; priority: string; clock: string; met: number; total: number }>(
      `SELECT c.category, c.priority, k.kind AS clock,
              count(*) FILTER (WHERE k.breached_at IS NULL)::int AS met, count(*)::int AS total
       FROM sla_clock k JOIN complaint c ON c.id = k.complaint_id
       WHERE (k.stopped_at IS NOT NULL OR k.breached_at IS NOT NULL) AND ${inPeriod('c.received_at')}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    return {
      from,
      to,
      received: totals.received,
      closedPerAgent,
      compensationPaid: compensationPaid.map((row) => ({ ...row, amountCents: Number(row.amountCents) })),
      timeToContact: await durations('received_at', 'contacted_at'),
      timeToOpinion: await durations('received_at', 'opinion_given_at'),
      timeToResolution: await durations('received_at', 'resolved_at'),
      slaAttainment: slaAttainment.map((row) => ({ ...row, rate: Math.round((row.met / row.total) * 10000) / 10000 })) as ComplaintKpis['slaAttainment'],
      reopenRate: totals.received === 0 ? 0 : Math.round((totals.reopened / totals.received) * 10000) / 10000,
      byCategory: await countsBy('category'),
      byBrand: await countsBy('brand'),
      byModel: await countsBy('product_model'),
      byEngineer: await countsBy('engineer_id'),
    };
  }

  /** Complaints received per week (starting Monday) or month, China time, optionally split by a dimension. */
  async trend(from: string, to: string, granularity: TrendGranularity, dimension: TrendDimension | null | undefined): Promise<TrendPoint[]> {
    this.checkPeriod(from, to);
    const unit = granularity === 'WEEK' ? 'week' : 'month';
    const key = dimension ? `COALESCE(${DIMENSION_COLUMN[dimension]}, 'unknown')` : `'all'`;
    return this.dataSource.query(
      `SELECT to_char(date_trunc('${unit}', received_at AT TIME ZONE '${CHINA_TIME_ZONE}'), 'YYYY-MM-DD') AS "periodStart",
              ${key} AS key, count(*)::int AS count
       FROM complaint WHERE ${inPeriod('received_at')}
       GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
      [from, to],
    );
  }

  /** Per model and category of one brand: how many complaints, with up to three examples, newest first. */
  async productIssues(brand: string, from: string, to: string): Promise<ProductIssueReport> {
    this.checkPeriod(from, to);
    const rows: { productModel: string; category: string; count: number; exampleIds: string[] }[] = await this.dataSource.query(
      `SELECT COALESCE(product_model, 'unknown') AS "productModel", category, count(*)::int AS count,
              (array_agg(id ORDER BY received_at DESC))[1:3]::text[] AS "exampleIds"
       FROM complaint WHERE brand = $3 AND ${inPeriod('received_at')}
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      [from, to, brand],
    );
    const ids = rows.flatMap((row) => row.exampleIds);
    const examples = ids.length ? await this.dataSource.getRepository(Complaint).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).getMany() : [];
    const byId = new Map(examples.map((complaint) => [complaint.id, complaint]));
    return {
      brand,
      from,
      to,
      issues: rows.map((row) => ({ ...row, category: row.category as Complaint['category'], examples: row.exampleIds.flatMap((id) => byId.get(id) ?? []) })),
    };
  }
}
