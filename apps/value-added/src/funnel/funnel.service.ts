import { DataSource } from 'typeorm';
import { startOfChinaDay } from '@aftercare/business-time';
import { badInput, Injectable } from '@aftercare/subgraph';
import { brandKey } from '../brands/brand-key';
import { BrandReplacementFigures, Funnel, FunnelFigures } from './funnel.types';

const COUNTS = ['tasks', 'callsMade', 'answered', 'interested', 'ordered', 'replacementsDone', 'refusedOnSite', 'revenueCollectedCents'] as const;

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The period [from, to] in China days as instants [lo, hi). */
function period(from: string, to: string): [Date, Date] {
  if (to < from) throw badInput('The period ends before it starts', 'to');
  return [startOfChinaDay(from), startOfChinaDay(dayAfter(to))];
}

function sum(rows: FunnelFigures[], label: Pick<FunnelFigures, 'agentId' | 'agentName' | 'tier'>): FunnelFigures {
  const figures = { ...label } as FunnelFigures;
  for (const count of COUNTS) figures[count] = rows.reduce((total, row) => total + row[count], 0);
  return figures;
}

/** The funnel per agent, tier and period, and a brand's own figures; each a few aggregate queries. */
@Injectable()
export class FunnelService {
  constructor(private readonly dataSource: DataSource) {}

  async funnel(from: string, to: string): Promise<Funnel> {
    const [lo, hi] = period(from, to);
    const rows = (await this.dataSource.query(
      `WITH tasks AS (
         SELECT agent_id, count(*)::int AS tasks FROM call_task WHERE opened_on BETWEEN $3::date AND $4::date AND agent_id IS NOT NULL GROUP BY agent_id
       ), calls AS (
         SELECT agent_id, count(*)::int AS made,
                count(*) FILTER (WHERE outcome <> 'NO_ANSWER')::int AS answered,
                count(*) FILTER (WHERE outcome = 'INTERESTED')::int AS interested,
                count(*) FILTER (WHERE outcome = 'ORDERED')::int AS ordered
           FROM call_record WHERE called_at >= $1 AND called_at < $2 GROUP BY agent_id
       ), site AS (
         SELECT agent_id, count(*) FILTER (WHERE status = 'REPLACED')::int AS done,
                count(*) FILTER (WHERE status IN ('REFUSED_AT_DOOR', 'REFUSED_TO_PAY'))::int AS refused,
                COALESCE(sum(collected_cents), 0)::float8 AS revenue
           FROM replacement_order WHERE closed_at >= $1 AND closed_at < $2 GROUP BY agent_id
       ), who AS (SELECT agent_id FROM tasks UNION SELECT agent_id FROM calls UNION SELECT agent_id FROM site)
       SELECT w.agent_id AS "agentId", a.name AS "agentName", a.tier,
              COALESCE(t.tasks, 0) AS tasks, COALESCE(c.made, 0) AS "callsMade", COALESCE(c.answered, 0) AS answered,
              COALESCE(c.interested, 0) AS interested, COALESCE(c.ordered, 0) AS ordered,
              COALESCE(s.done, 0) AS "replacementsDone", COALESCE(s.refused, 0) AS "refusedOnSite", COALESCE(s.revenue, 0) AS "revenueCollectedCents"
         FROM who w
         LEFT JOIN call_agent a ON a.id = w.agent_id
         LEFT JOIN tasks t ON t.agent_id = w.agent_id
         LEFT JOIN calls c ON c.agent_id = w.agent_id
         LEFT JOIN site s ON s.agent_id = w.agent_id
        ORDER BY a.tier NULLS LAST, a.name, w.agent_id`,
      [lo, hi, from, to],
    )) as FunnelFigures[];
    const tiers = [...new Set(rows.map((row) => row.tier).filter((tier) => tier !== null))].map((tier) =>
      sum(
        rows.filter((row) => row.tier === tier),
        { agentId: null, agentName: null, tier },
      ),
    );
    return { from, to, agents: rows, tiers, total: sum(rows, { agentId: null, agentName: null, tier: null }) };
  }

  async brandFigures(brand: string, from: string, to: string): Promise<BrandReplacementFigures> {
    const [lo, hi] = period(from, to);
    const [row] = (await this.dataSource.query(
      `SELECT COALESCE((SELECT opted_in FROM brand_reminder_service WHERE brand_key = $1), false) AS "optedIn",
              (SELECT count(*)::int FROM installed_device WHERE upper(trim(brand)) = $1) AS "installedDevices",
              (SELECT count(*)::int FROM call_task t JOIN installed_device d ON d.id = t.device_id
                WHERE t.kind = 'REMINDER' AND upper(trim(d.brand)) = $1 AND t.opened_on BETWEEN $4::date AND $5::date) AS "remindersDue",
              (SELECT count(*)::int FROM replacement_order WHERE upper(trim(brand)) = $1 AND ordered_at >= $2 AND ordered_at < $3) AS ordered,
              (SELECT count(*)::int FROM replacement_order WHERE upper(trim(brand)) = $1 AND status = 'REPLACED' AND closed_at >= $2 AND closed_at < $3) AS "replacementsDone",
              (SELECT count(*)::int FROM replacement_order WHERE upper(trim(brand)) = $1 AND status IN ('REFUSED_AT_DOOR', 'REFUSED_TO_PAY') AND closed_at >= $2 AND closed_at < $3) AS "refusedOnSite",
              (SELECT COALESCE(sum(collected_cents), 0)::float8 FROM replacement_order WHERE upper(trim(brand)) = $1 AND closed_at >= $2 AND closed_at < $3) AS "revenueCollectedCents"`,
      [brandKey(brand), lo, hi, from, to],
    )) as Omit<BrandReplacementFigures, 'brand' | 'from' | 'to'>[];
    return { brand: brand.trim(), from, to, ...(row as Omit<BrandReplacementFigures, 'brand' | 'from' | 'to'>) };
  }
}
