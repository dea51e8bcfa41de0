import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, WorkOrderAssignedPayload, WorkOrderUnassignablePayload } from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';
import { CHINA_TIME_ZONE } from '@aftercare/business-time';
import { CoverageGapKind, SkillCoverage } from './skill-coverage';
import { WorkOrderDemand } from '../read-models/work-order-demand.entity';

interface CoverageRow {
  city: string;
  brand: string;
  product_model: string;
  active_engineers: number;
  daily_capacity: number;
  jobs: number;
  unplaced_jobs: number;
  busiest_day_jobs: number;
}

// Supply: every ACTIVE engineer once per covered city (home city included) and skill.
// Demand: work orders over the last `days` days, by appointment day.
const COVERAGE = `
  WITH covered AS (
    SELECT DISTINCT e.id, e.daily_capacity, c.city
      FROM engineer e, unnest(array_append(e.cities, e.home_city)) AS c(city)
     WHERE e.status = 'ACTIVE'),
  supply AS (
    SELECT covered.city, s.brand, s.product_model, count(*)::int AS active_engineers, sum(covered.daily_capacity)::int AS daily_capacity
      FROM covered JOIN engineer_skill s ON s.engineer_id = covered.id
     GROUP BY 1, 2, 3),
  per_day AS (
    SELECT city, brand, product_model, demand_date, count(*)::int AS jobs, count(*) FILTER (WHERE unplaced)::int AS unplaced
      FROM work_order_demand
     WHERE demand_date > (now() AT TIME ZONE '${CHINA_TIME_ZONE}')::date - $2::int
     GROUP BY 1, 2, 3, 4),
  demand AS (
    SELECT city, brand, product_model, sum(jobs)::int AS jobs, sum(unplaced)::int AS unplaced_jobs, max(jobs)::int AS busiest_day_jobs
      FROM per_day GROUP BY 1, 2, 3)
  SELECT city, brand, product_model,
         coalesce(supply.active_engineers, 0) AS active_engineers, coalesce(supply.daily_capacity, 0) AS daily_capacity,
         coalesce(demand.jobs, 0) AS jobs, coalesce(demand.unplaced_jobs, 0) AS unplaced_jobs, coalesce(demand.busiest_day_jobs, 0) AS busiest_day_jobs
    FROM supply FULL JOIN demand USING (city, brand, product_model)
   WHERE $1::text IS NULL OR city = $1
   ORDER BY city, brand, product_model`;

function gapOf(row: CoverageRow): CoverageGapKind {
  if (row.jobs > 0 && row.active_engineers === 0) return 'NO_ENGINEER';
  return row.busiest_day_jobs > row.daily_capacity ? 'OVER_CAPACITY' : 'NONE';
}

@Injectable()
export class CoverageService {
  constructor(private readonly dataSource: DataSource) {}

  async recordAssigned(event: EventEnvelope<'WorkOrderAssigned', WorkOrderAssignedPayload>, manager: EntityManager): Promise<void> {
    await this.record(manager, event.payload, event.payload.appointmentDate, false);
  }

  async recordUnplaced(event: EventEnvelope<'WorkOrderUnassignable', WorkOrderUnassignablePayload>, manager: EntityManager): Promise<void> {
    if (event.payload.reason !== 'NO_SUITABLE_ENGINEER') return;
    const day = event.payload.appointmentDate ?? new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE }).format(new Date(event.occurredAt));
    await this.record(manager, event.payload, day, true);
  }

  async coverage(city: string | null, days: number): Promise<SkillCoverage[]> {
    const rows: CoverageRow[] = await this.dataSource.query(COVERAGE, [city, days]);
    return rows.map((row) => ({
      city: row.city,
      brand: row.brand,
      productModel: row.product_model,
      activeEngineers: row.active_engineers,
      dailyCapacity: row.daily_capacity,
      jobs: row.jobs,
      unplacedJobs: row.unplaced_jobs,
      busiestDayJobs: row.busiest_day_jobs,
      gap: gapOf(row),
    }));
  }

  private async record(
    manager: EntityManager,
    job: { workOrderId: string; city: string; brand: string | null; productModel: string | null },
    demandDate: string,
    unplaced: boolean,
  ): Promise<void> {
    if (!job.brand || !job.productModel) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(WorkOrderDemand)
      .values({ workOrderId: job.workOrderId, city: job.city, brand: job.brand, productModel: job.productModel, demandDate, unplaced })
      // A rescheduled order moves to its new day; once unplaced, it stays counted as such.
      .orUpdate(['demand_date'], ['work_order_id'])
      .execute();
    if (unplaced) await manager.update(WorkOrderDemand, { workOrderId: job.workOrderId }, { unplaced: true });
  }
}
