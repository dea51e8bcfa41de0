import { DataSource, EntityManager } from 'typeorm';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { lockUntilCommit } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { Tariff } from './tariff.entity';
import { DefineTariffInput } from './tariff.inputs';

export interface PricedJob {
  workType: WorkOrderType;
  brand: string | null;
  distanceKm: number | null;
  at: Date;
}

/**
 * The one rule that prices a job, as SQL over the given expressions so a single job and every waiting
 * line are priced alike: the tariff in force when the job was verified — the brand's own before the
 * any-brand one, then the band the distance falls in (an unknown distance is the nearest band), then
 * the latest version.
 */
function tariffInForce(workType: string, brand: string, distanceKm: string, at: string): string {
  return `SELECT tariff.id, tariff.fee_cents FROM tariff
           WHERE tariff.work_type = ${workType}
             AND (tariff.brand = ${brand} OR tariff.brand IS NULL)
             AND tariff.distance_from_km <= coalesce(${distanceKm}, 0)
             AND tariff.effective_from <= ${at}
           ORDER BY tariff.brand IS NULL, tariff.distance_from_km DESC, tariff.effective_from DESC
           LIMIT 1`;
}

/**
 * Pricing a verified job (a read of the tariffs, then a line written from it) and defining a tariff (which
 * prices the lines waiting for one) must not cross: a job priced against the tariffs before a new one commits,
 * and written after that tariff's repricing ran, would wait UNPRICED for a tariff that already fits it. Jobs
 * share the lock, so they still price side by side; a new tariff waits for them and they for it, until commit.
 */
function lockPricing(manager: EntityManager, workType: WorkOrderType, mode: 'shared' | 'exclusive'): Promise<unknown> {
  return lockUntilCommit(manager, 'engineer-network:pricing', [workType], mode);
}

@Injectable()
export class TariffsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a tariff version and prices the jobs that were waiting for one. */
  define(input: DefineTariffInput, definedBy: string): Promise<Tariff> {
    return this.dataSource.transaction(async (manager) => {
      await lockPricing(manager, input.workType, 'exclusive');
      const tariff = await manager.save(
        manager.create(Tariff, {
          workType: input.workType,
          brand: input.brand?.trim() ?? null,
          distanceFromKm: input.distanceFromKm,
          feeCents: input.feeCents,
          effectiveFrom: input.effectiveFrom ?? new Date(),
          definedBy,
        }),
      );
      await manager.query(
        `UPDATE settlement_line line SET tariff_id = fee.id, amount_cents = fee.fee_cents
           FROM settlement_line waiting
           CROSS JOIN LATERAL (${tariffInForce('waiting.work_type', 'waiting.brand', 'waiting.distance_km', 'waiting.earned_at')}) fee
          WHERE line.id = waiting.id AND waiting.kind = 'FEE' AND waiting.tariff_id IS NULL AND waiting.payout_id IS NULL AND waiting.work_type = $1`,
        [input.workType],
      );
      return tariff;
    });
  }

  /**
   * The tariff that prices this job, or null when none fits yet. No tariff of the job's work type is defined
   * until the caller's transaction, which writes the job's line from the answer, ends.
   */
  async tariffFor(manager: EntityManager, job: PricedJob): Promise<{ id: string; feeCents: number } | null> {
    await lockPricing(manager, job.workType, 'shared');
    const inForce = tariffInForce('$1', '$2', '$3::double precision', '$4::timestamptz');
    const [fee] = await manager.query(`SELECT fee.id, fee.fee_cents AS "feeCents" FROM (${inForce}) fee`, [job.workType, job.brand, job.distanceKm, job.at]);
    return fee ?? null;
  }

  history(workType: WorkOrderType | null): Promise<Tariff[]> {
    return this.dataSource.getRepository(Tariff).find({
      where: workType ? { workType } : {},
      order: { workType: 'ASC', brand: 'ASC', distanceFromKm: 'ASC', effectiveFrom: 'DESC' },
    });
  }
}
