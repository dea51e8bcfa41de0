import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  CompensationApprovedPayload,
  ComplaintFiledPayload,
  ComplaintReopenedPayload,
  ComplaintResolvedPayload,
  ContractDisputedPayload,
  DisputeRuledPayload,
  WorkOrderVerifiedPayload,
} from '@aftercare/event-contracts';
import { findReferencing, onlyUuids } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { CHINA_TIME_ZONE } from '@aftercare/business-time';
import { HoldSource, SettlementHold } from './settlement-hold.entity';
import { SettlementBacklog } from './settlement-backlog';
import { SettlementLine } from './settlement-line.entity';
import { TariffsService } from './tariffs.service';

/**
 * The unpaid lines by status, in one statement; the statuses follow statusOf (UNPRICED before HELD before DUE)
 * and "engineers" counts as the payout batch does: only an engineer whose due lines net above zero is paid.
 */
const BACKLOG = `
  WITH unpaid AS (
    SELECT line.engineer_id, line.amount_cents, line.earned_at,
           CASE
             WHEN line.kind = 'FEE' AND line.tariff_id IS NULL THEN 'UNPRICED'
             WHEN EXISTS (SELECT 1 FROM settlement_hold hold WHERE hold.work_order_id = line.work_order_id AND hold.released_at IS NULL) THEN 'HELD'
             ELSE 'DUE'
           END AS status
      FROM settlement_line line
     WHERE line.payout_id IS NULL
  )
  SELECT COALESCE(sum(amount_cents) FILTER (WHERE status = 'DUE'), 0)::float8 AS "dueCents",
         count(*) FILTER (WHERE status = 'DUE')::int AS "dueLines",
         COALESCE(sum(amount_cents) FILTER (WHERE status = 'HELD'), 0)::float8 AS "heldCents",
         count(*) FILTER (WHERE status = 'HELD')::int AS "heldLines",
         count(*) FILTER (WHERE status = 'UNPRICED')::int AS "unpricedLines",
         (SELECT count(*)::int FROM (
            SELECT 1 FROM unpaid WHERE status = 'DUE' GROUP BY engineer_id HAVING sum(amount_cents) > 0
          ) owed) AS engineers,
         min(earned_at) FILTER (WHERE status = 'DUE') AS "oldestDueSince"
    FROM unpaid`;

/** Turns verified jobs and engineer-paid compensation into settlement lines, and keeps the holds. */
@Injectable()
export class SettlementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tariffs: TariffsService,
  ) {}

  /** Only a verified job earns pay; without a fitting tariff the line waits UNPRICED for one. */
  async recordVerifiedJob(job: WorkOrderVerifiedPayload, manager: EntityManager): Promise<void> {
    const earnedAt = new Date(job.verifiedAt);
    const tariff = await this.tariffs.tariffFor(manager, { workType: job.type, brand: job.brand, distanceKm: job.distanceKm, at: earnedAt });
    await manager
      .createQueryBuilder()
      .insert()
      .into(SettlementLine)
      .values({
        engineerId: job.engineerId,
        kind: 'FEE',
        workOrderId: job.workOrderId,
        workType: job.type,
        brand: job.brand,
        productModel: job.productModel,
        city: job.city,
        distanceKm: job.distanceKm,
        tariffId: tariff?.id ?? null,
        amountCents: tariff?.feeCents ?? 0,
        customerDueCents: job.amountDueCents ?? null,
        customerCollectedCents: job.amountCollectedCents ?? null,
        earnedAt,
      })
      .orIgnore()
      .execute();
  }

  /** Compensation the engineer is liable for comes off their pay, as a negative line. */
  async recordClawback(compensation: CompensationApprovedPayload, manager: EntityManager): Promise<void> {
    if (compensation.payer !== 'ENGINEER' || !compensation.engineerId) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SettlementLine)
      .values({
        engineerId: compensation.engineerId,
        kind: 'CLAWBACK',
        workOrderId: compensation.workOrderId,
        complaintId: compensation.complaintId,
        amountCents: -compensation.amountCents,
        earnedAt: new Date(compensation.approvedAt),
      })
      .orIgnore()
      .execute();
  }

  async holdForComplaint(complaint: ComplaintFiledPayload, manager: EntityManager): Promise<void> {
    if (complaint.workOrderId) await this.hold(manager, 'COMPLAINT', complaint.complaintId, complaint.workOrderId, complaint.receivedAt);
  }

  releaseForComplaint(complaint: ComplaintResolvedPayload, manager: EntityManager): Promise<void> {
    return this.release(manager, 'COMPLAINT', complaint.complaintId, complaint.resolvedAt);
  }

  /** A reopened complaint holds the job's pay again (if it is not paid yet) until it is resolved once more. */
  async holdAgainForComplaint(complaint: ComplaintReopenedPayload, manager: EntityManager): Promise<void> {
    if (!complaint.workOrderId) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SettlementHold)
      .values({ source: 'COMPLAINT', sourceId: complaint.complaintId, workOrderId: complaint.workOrderId, openedAt: new Date(complaint.reopenedAt) })
      .orUpdate(['opened_at', 'released_at'], ['source', 'source_id', 'work_order_id'])
      .execute();
  }

  async holdForDispute(dispute: ContractDisputedPayload, manager: EntityManager, disputedAt: string): Promise<void> {
    if (dispute.workOrderId) await this.hold(manager, 'DISPUTE', dispute.contractId, dispute.workOrderId, disputedAt);
  }

  /** A ruling that names its work orders releases exactly those jobs; an older ruling without them, every job of the contract. */
  releaseForDispute(ruling: DisputeRuledPayload, manager: EntityManager): Promise<void> {
    return this.release(manager, 'DISPUTE', ruling.contractId, ruling.ruledAt, ruling.workOrderIds);
  }

  linesOf(engineerIds: readonly string[]): Promise<SettlementLine[]> {
    return findReferencing(this.dataSource.getRepository(SettlementLine), 'engineerId', engineerIds, { earnedAt: 'DESC' });
  }

  async backlog(): Promise<SettlementBacklog> {
    const [row] = (await this.dataSource.query(BACKLOG)) as SettlementBacklog[];
    return Object.assign(new SettlementBacklog(), row);
  }

  /** An engineer's lines earned on the days from..to (inclusive, China time), newest first. */
  async linesEarned(engineerId: string, from: string, to: string): Promise<SettlementLine[]> {
    if (onlyUuids([engineerId]).length === 0) return [];
    return this.dataSource
      .getRepository(SettlementLine)
      .createQueryBuilder('line')
      .where('line.engineerId = :engineerId', { engineerId })
      .andWhere(`line.earnedAt >= (:from::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`, { from })
      .andWhere(`line.earnedAt < ((:to::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`, { to })
      .orderBy('line.earnedAt', 'DESC')
      .getMany();
  }

  linesOfPayouts(payoutIds: readonly string[]): Promise<SettlementLine[]> {
    return findReferencing(this.dataSource.getRepository(SettlementLine), 'payoutId', payoutIds, { earnedAt: 'ASC' });
  }

  holdsOn(workOrderIds: readonly string[]): Promise<SettlementHold[]> {
    return findReferencing(this.dataSource.getRepository(SettlementHold), 'workOrderId', workOrderIds, { openedAt: 'ASC' });
  }

  private async hold(manager: EntityManager, source: HoldSource, sourceId: string, workOrderId: string, openedAt: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SettlementHold)
      .values({ source, sourceId, workOrderId, openedAt: new Date(openedAt) })
      .orIgnore()
      .execute();
  }

  private async release(manager: EntityManager, source: HoldSource, sourceId: string, releasedAt: string, workOrderIds?: string[]): Promise<void> {
    const jobs = workOrderIds ? { workOrderId: In(onlyUuids(workOrderIds)) } : {};
    await manager.update(SettlementHold, { source, sourceId, releasedAt: IsNull(), ...jobs }, { releasedAt: new Date(releasedAt) });
  }
}
