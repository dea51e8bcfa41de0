import { DataSource, EntityManager } from 'typeorm';
import {
  BackupEngineerFoundPayload,
  EventEnvelope,
  SelfInstallAccepted,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderUnassignable,
} from '@aftercare/event-contracts';
import { actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { lockUntilCommit, onlyUuids } from '@aftercare/persistence';
import { DispatchErrorCodes } from '@aftercare/error-codes';
import { DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { RosterService } from '../engineers/roster.service';
import { factsOf } from '../work-orders/work-order-facts';
import { WorkOrder } from '../work-orders/work-order.entity';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { WorkOrderTransition } from '../work-orders/work-order-transition.entity';
import { DispatchPlan, planDispatch, QueuedWorkOrder } from './dispatch-plan';

export interface DispatchOutcome {
  date: string;
  considered: number;
  assignedWorkOrderIds: string[];
  unassignableWorkOrderIds: string[];
  beyondServiceRadiusWorkOrderIds: string[];
}

/** Jobs that hold an engineer's capacity on their day. */
const HOLDING_CAPACITY = ['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'VERIFIED'];
/** Keeps one transaction's parameter count well under PostgreSQL's limit. */
const ROWS_PER_INSERT = 1000;

function chunks<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_, i) => rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT));
}

@Injectable()
export class DispatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly roster: RosterService,
    private readonly workOrders: WorkOrdersService,
  ) {}

  /**
   * Dispatches the day's queue (or some of its work orders) in one transaction with a fixed number of
   * queries however long the queue: the queue, the engineers and their load that day are read once, the
   * plan is made in memory, and assignments, history and events are written in bulk. Runs for one day are
   * serialised by an advisory lock, so two dispatchers pressing the button cannot overbook an engineer.
   */
  dispatchDay(date: string, actor: string, onlyWorkOrderIds?: readonly string[]): Promise<DispatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await lockUntilCommit(manager, 'dispatch:day', [date]);
      const queue = await this.queueOf(manager, date, onlyWorkOrderIds);
      const engineers = await this.roster.activeEngineers(manager);
      const plan = planDispatch(date, queue, engineers, await this.jobsThatDay(manager, date));
      await this.write(manager, date, plan, new Map(queue.map((entry) => [entry.id, entry.row])), actor);
      const reasonOf = new Map(plan.unassignable.map((entry) => [entry.workOrderId, entry.reason]));
      return {
        date,
        considered: queue.length,
        assignedWorkOrderIds: plan.assignments.map((entry) => entry.workOrderId),
        unassignableWorkOrderIds: [...reasonOf].filter(([, reason]) => reason === 'NO_SUITABLE_ENGINEER').map(([id]) => id),
        beyondServiceRadiusWorkOrderIds: [...reasonOf].filter(([, reason]) => reason === 'BEYOND_SERVICE_RADIUS').map(([id]) => id),
      };
    });
  }

  /** Auto-dispatch of one scheduled work order, by the same rules as the day's queue. */
  async dispatchOne(workOrderId: string, identity: Identity): Promise<DispatchOutcome> {
    const [workOrder] = await this.workOrders.findByIds([workOrderId]);
    if (!workOrder) throw notFound('WorkOrder', workOrderId);
    if (workOrder.status !== 'SCHEDULED' || !workOrder.appointmentDate) {
      throw new DomainError(
        ErrorCodes.INVALID_STATE_TRANSITION,
        `Work order ${workOrderId} is ${workOrder.status}; only a scheduled work order is dispatched`,
        {
          workOrderId,
          status: workOrder.status,
          move: 'assign',
        },
      );
    }
    return this.dispatchDay(workOrder.appointmentDate, actorOf(identity).id, [workOrderId]);
  }

  /** A dispatcher overrides the rules (they know something the data does not); the reason is kept. */
  async assignManually(workOrderId: string, engineerId: string, reason: string, identity: Identity): Promise<WorkOrder> {
    return this.workOrders.acting(workOrderId, identity, async (manager, workOrder) => {
      const engineer = onlyUuids([engineerId]).length ? await this.roster.findOne(engineerId, manager) : null;
      if (!engineer) throw notFound('Engineer', engineerId);
      return this.assign(manager, workOrder, engineerId, { actor: actorOf(identity).id, reason: reason.trim(), manual: true });
    });
  }

  /** The backup the engineer network recruited for an unassignable work order takes it, if it still waits. */
  async backupFound({ payload }: EventEnvelope<string, BackupEngineerFoundPayload>, manager: EntityManager): Promise<void> {
    const [id] = onlyUuids([payload.workOrderId]);
    const workOrder = id
      ? await manager.getRepository(WorkOrder).createQueryBuilder('wo').setLock('pessimistic_write').where('wo.id = :id', { id }).getOne()
      : null;
    if (!workOrder || workOrder.status !== 'SCHEDULED') return;
    await this.assign(manager, workOrder, payload.engineerId, { actor: 'backup-recruiting', reason: `backup task ${payload.backupTaskId}`, manual: false });
  }

  /** The customer of a site beyond the service radius installs it themselves; the install fee goes back to them. */
  async acceptSelfInstall(workOrderId: string, installFeeCents: number, identity: Identity): Promise<WorkOrder> {
    return this.workOrders.acting(workOrderId, identity, async (manager, workOrder) => {
      if (!workOrder.selfInstallOffered || workOrder.distanceKm === null) {
        throw new DomainError(DispatchErrorCodes.SELF_INSTALL_NOT_OFFERED, `Work order ${workOrderId} was not offered self-installation`, { workOrderId });
      }
      const reason = 'Customer installs it themselves (beyond the service radius)';
      const cancelled = await this.workOrders.apply(manager, workOrder, {
        move: 'cancel',
        actor: actorOf(identity).id,
        reason,
        changes: { cancellationReason: reason },
      });
      await this.outbox.record(
        manager,
        SelfInstallAccepted.create(cancelled.id, { ...factsOf(cancelled), installFeeCents, distanceKm: workOrder.distanceKm }),
        WorkOrderCancelled.create(cancelled.id, { ...factsOf(cancelled), reason }),
      );
      return cancelled;
    });
  }

  private async assign(
    manager: EntityManager,
    workOrder: WorkOrder,
    engineerId: string,
    how: { actor: string; reason: string; manual: boolean },
  ): Promise<WorkOrder> {
    const move = workOrder.status === 'ASSIGNED' ? 'reassign' : 'assign';
    // Only a scheduled (or already assigned) work order gets here, so it has its appointment day.
    const assigned = await this.workOrders.apply(manager, workOrder, {
      move,
      actor: how.actor,
      reason: how.reason,
      changes: { engineerId, awaitingBackup: false },
    });
    await this.outbox.record(
      manager,
      WorkOrderAssigned.create(assigned.id, { ...factsOf(assigned), engineerId, appointmentDate: assigned.appointmentDate as string, manual: how.manual }),
    );
    return assigned;
  }

  private async queueOf(manager: EntityManager, date: string, onlyIds?: readonly string[]): Promise<(QueuedWorkOrder & { row: WorkOrder })[]> {
    const query = manager
      .getRepository(WorkOrder)
      .createQueryBuilder('wo')
      .leftJoin('customer_value', 'cv', 'cv.customer_id = wo.customer_id')
      .addSelect('COALESCE(cv.value_index, 0)', 'value_index')
      .where('wo.appointmentDate = :date AND wo.status = :status', { date, status: 'SCHEDULED' })
      // Already announced: they wait for a backup engineer or the customer's answer, not for another run.
      .andWhere('NOT wo.awaitingBackup AND NOT wo.selfInstallOffered')
      .setLock('pessimistic_write', undefined, ['wo']);
    if (onlyIds) query.andWhere('wo.id = ANY(:ids)', { ids: onlyUuids(onlyIds) });
    const { entities, raw } = await query.getRawAndEntities<{ value_index: number }>();
    return entities.map((row, index) => ({
      row,
      id: row.id,
      city: row.city,
      brand: row.brand,
      productModel: row.productModel,
      distanceKm: row.distanceKm,
      valueIndex: Number(raw[index]?.value_index ?? 0),
      createdAt: row.createdAt,
    }));
  }

  private async jobsThatDay(manager: EntityManager, date: string): Promise<Map<string, number>> {
    const rows: { engineer_id: string; jobs: number }[] = await manager.query(
      `SELECT engineer_id, count(*)::int AS jobs FROM work_order
        WHERE appointment_date = $1 AND engineer_id IS NOT NULL AND status = ANY($2) GROUP BY engineer_id`,
      [date, HOLDING_CAPACITY],
    );
    return new Map(rows.map((row) => [row.engineer_id, row.jobs]));
  }

  private async write(manager: EntityManager, date: string, plan: DispatchPlan, byId: Map<string, WorkOrder>, actor: string): Promise<void> {
    if (plan.assignments.length === 0 && plan.unassignable.length === 0) return;
    const beyondRadius = plan.unassignable.filter((entry) => entry.reason === 'BEYOND_SERVICE_RADIUS').map((entry) => entry.workOrderId);
    const noEngineer = plan.unassignable.filter((entry) => entry.reason === 'NO_SUITABLE_ENGINEER').map((entry) => entry.workOrderId);
    await manager.query(
      `UPDATE work_order wo SET status = 'ASSIGNED', engineer_id = plan.engineer_id, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS plan(work_order_id, engineer_id) WHERE wo.id = plan.work_order_id`,
      [plan.assignments.map((entry) => entry.workOrderId), plan.assignments.map((entry) => entry.engineerId)],
    );
    if (plan.unassignable.length > 0) {
      await manager.query(
        `UPDATE work_order SET awaiting_backup = id = ANY($1::uuid[]), self_install_offered = id = ANY($2::uuid[]), updated_at = now()
          WHERE id = ANY($1::uuid[] || $2::uuid[])`,
        [noEngineer, beyondRadius],
      );
    }
    for (const part of chunks(plan.assignments)) {
      await manager.insert(
        WorkOrderTransition,
        part.map((entry) => ({
          workOrderId: entry.workOrderId,
          fromStatus: 'SCHEDULED' as const,
          toStatus: 'ASSIGNED' as const,
          actor,
          reason: 'auto-dispatch',
        })),
      );
    }
    const events = [
      ...plan.assignments.map((entry) =>
        WorkOrderAssigned.create(entry.workOrderId, {
          ...factsOf(byId.get(entry.workOrderId) as WorkOrder),
          engineerId: entry.engineerId,
          appointmentDate: date,
          manual: false,
        }),
      ),
      ...plan.unassignable.map((entry) =>
        WorkOrderUnassignable.create(entry.workOrderId, { ...factsOf(byId.get(entry.workOrderId) as WorkOrder), reason: entry.reason, appointmentDate: date }),
      ),
    ];
    for (const part of chunks(events)) await this.outbox.record(manager, ...part);
  }
}
