import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, OrderPlacedPayload, WorkOrderCancelled, WorkOrderCreated, WorkOrderRescheduled } from '@aftercare/event-contracts';
import { isPastChinaDay } from '@aftercare/business-time';
import { actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, insertReturning, onlyUuids } from '@aftercare/persistence';
import { badInput, Injectable, notFound } from '@aftercare/subgraph';
import { CustomerCardsService } from '../customers/customer-cards.service';
import { SiteDistancesService } from '../sites/site-distances.service';
import { WORK_ORDER_FIELD_READS, WORK_ORDER_ROW_RULE_READS } from './work-order-columns';
import { WorkOrderMove, nextStatus } from './lifecycle';
import { assertMayAct } from './work-order-access';
import { factsOf } from './work-order-facts';
import { AppointmentSlots, WorkOrder, WorkOrderStatus } from './work-order.entity';
import { CancelWorkOrderInput, CreateWorkOrderInput, RescheduleWorkOrderInput, ScheduleWorkOrderInput } from './work-order.inputs';
import { WorkOrderTransition } from './work-order-transition.entity';

/** What a new work order is made of, wherever it comes from. */
export type NewWorkOrder = Pick<WorkOrder, 'type' | 'customerId' | 'city' | 'siteAddress'> &
  Partial<
    Pick<
      WorkOrder,
      | 'orderId'
      | 'contractId'
      | 'partnerId'
      | 'sourceRef'
      | 'brand'
      | 'productModel'
      | 'serial'
      | 'stages'
      | 'stagePrices'
      | 'amountDueCents'
      | 'preferredDate'
      | 'distanceKm'
      | 'distanceBasis'
    >
  >;

export interface Move {
  move: WorkOrderMove;
  actor: string;
  reason?: string | null;
  changes?: Partial<WorkOrder>;
}

/** By day, then morning before afternoon before evening; the list is one person's or one day's, so small. */
function inAppointmentOrder(workOrders: WorkOrder[]): WorkOrder[] {
  const slot = (workOrder: WorkOrder) => (workOrder.appointmentSlot ? AppointmentSlots.indexOf(workOrder.appointmentSlot) : AppointmentSlots.length);
  return [...workOrders].sort((a, b) => (a.appointmentDate ?? '').localeCompare(b.appointmentDate ?? '') || slot(a) - slot(b));
}

/** "Today" is China time, the same rule partner intake in sales applies to a preferred date. */
function assertNotPast(date: string, field: string): void {
  if (isPastChinaDay(date)) throw badInput(`${field} ${date} is in the past`, field);
}

@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly customerCards: CustomerCardsService,
    private readonly siteDistances: SiteDistancesService,
  ) {}

  /**
   * Opens a work order and announces it in the caller's transaction. A draft whose natural key (the install
   * of an order, the source event's reference) already has a work order creates nothing and returns null.
   */
  async create(manager: EntityManager, draft: NewWorkOrder, actor: string): Promise<WorkOrder | null> {
    // Its first transition is written by the same statement.
    const workOrder = await insertReturning(manager, WorkOrder, draft, {
      orIgnore: true,
      alongside: (parameter) =>
        `INSERT INTO work_order_transition (work_order_id, from_status, to_status, actor) SELECT id, NULL, status, ${parameter(actor)} FROM inserted`,
    });
    if (!workOrder) return null;
    await this.outbox.record(
      manager,
      WorkOrderCreated.create(workOrder.id, {
        workOrderId: workOrder.id,
        type: workOrder.type,
        orderId: workOrder.orderId,
        customerId: workOrder.customerId,
        city: workOrder.city,
        productModel: workOrder.productModel,
        preferredDate: workOrder.preferredDate,
      }),
    );
    return workOrder;
  }

  /**
   * Every placed order that needs installing becomes an INSTALL work order; the partner's code names the brand.
   * Its distance is measured once, here, to the partner's coordinates of the site or to its district's reference
   * point: the service radius (self-install), the tariff's distance band and the self-install refund all use it.
   */
  async createInstallFor(placed: EventEnvelope<'OrderPlaced', OrderPlacedPayload>, manager: EntityManager): Promise<void> {
    const { payload } = placed;
    const distance = await this.siteDistances.estimate(manager, {
      city: payload.customer.city,
      address: payload.customer.address,
      latitude: payload.customer.latitude,
      longitude: payload.customer.longitude,
    });
    await this.create(
      manager,
      {
        type: 'INSTALL',
        orderId: payload.orderId,
        partnerId: payload.partnerId,
        customerId: payload.customer.customerId,
        city: payload.customer.city,
        siteAddress: payload.customer.address,
        brand: payload.partnerCode,
        productModel: payload.productModel,
        preferredDate: payload.preferredDate,
        distanceKm: distance?.km ?? null,
        distanceBasis: distance?.basis ?? null,
      },
      'order-placed',
    );
  }

  async createByDispatcher(input: CreateWorkOrderInput, identity: Identity): Promise<WorkOrder> {
    if (input.preferredDate) assertNotPast(input.preferredDate, 'preferredDate');
    return this.dataSource.transaction(async (manager) => {
      await this.customerCards.requireKnown(manager, input.customerId);
      const created = await this.create(
        manager,
        {
          type: input.type,
          customerId: input.customerId,
          city: input.city.trim(),
          siteAddress: input.siteAddress.trim(),
          orderId: input.orderId ?? null,
          contractId: input.contractId ?? null,
          brand: input.brand?.trim() ?? null,
          productModel: input.productModel?.trim() ?? null,
          stages: input.stages?.map((stage) => stage.trim()) ?? [],
          preferredDate: input.preferredDate ?? null,
          distanceKm: input.distanceKm ?? null,
          distanceBasis: input.distanceKm == null ? null : 'DISPATCHER',
        },
        actorOf(identity).id,
      );
      // Only an INSTALL of an order already installed collides; a dispatcher must not open a second one.
      if (!created) throw badInput(`Order ${input.orderId} already has an install work order`, 'orderId');
      return created;
    });
  }

  async schedule(input: ScheduleWorkOrderInput, identity: Identity): Promise<WorkOrder> {
    return this.acting(input.workOrderId, identity, async (manager, workOrder) => {
      const appointmentDate = input.appointmentDate ?? workOrder.preferredDate;
      if (!appointmentDate) throw badInput('The customer gave no preferred date; give an appointmentDate', 'appointmentDate');
      assertNotPast(appointmentDate, 'appointmentDate');
      return this.apply(manager, workOrder, { move: 'schedule', actor: actorOf(identity).id, changes: { appointmentDate, appointmentSlot: input.slot } });
    });
  }

  /** A new appointment; an engineer already sent is released (capacity freed) and the move announced. */
  async reschedule(input: RescheduleWorkOrderInput, identity: Identity): Promise<WorkOrder> {
    assertNotPast(input.appointmentDate, 'appointmentDate');
    return this.acting(input.workOrderId, identity, async (manager, workOrder) => {
      const releasedEngineerId = workOrder.engineerId;
      const moved = await this.apply(manager, workOrder, {
        move: 'reschedule',
        actor: actorOf(identity).id,
        reason: input.reason.trim(),
        changes: { appointmentDate: input.appointmentDate, appointmentSlot: input.slot, engineerId: null, awaitingBackup: false },
      });
      await this.outbox.record(
        manager,
        WorkOrderRescheduled.create(moved.id, {
          ...factsOf(moved),
          appointmentDate: input.appointmentDate,
          releasedEngineerId,
          reason: input.reason.trim(),
        }),
      );
      return moved;
    });
  }

  async cancel(input: CancelWorkOrderInput, identity: Identity): Promise<WorkOrder> {
    return this.acting(input.workOrderId, identity, async (manager, workOrder) => {
      const reason = input.reason.trim();
      const cancelled = await this.apply(manager, workOrder, { move: 'cancel', actor: actorOf(identity).id, reason, changes: { cancellationReason: reason } });
      await this.outbox.record(manager, WorkOrderCancelled.create(cancelled.id, { ...factsOf(cancelled), reason }));
      return cancelled;
    });
  }

  /** The engineer is on site. */
  start(workOrderId: string, identity: Identity): Promise<WorkOrder> {
    return this.acting(workOrderId, identity, (manager, workOrder) => this.apply(manager, workOrder, { move: 'start', actor: actorOf(identity).id }));
  }

  /** Runs `work` on the locked work order in one transaction, if the caller may act on it. */
  acting<T>(workOrderId: string, identity: Identity, work: (manager: EntityManager, workOrder: WorkOrder) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const workOrder = await this.lock(manager, workOrderId);
      assertMayAct(identity, workOrder);
      return work(manager, workOrder);
    });
  }

  /** The work order, locked until the transaction ends, so two moves on it cannot interleave. */
  async lock(manager: EntityManager, workOrderId: string): Promise<WorkOrder> {
    const [id] = onlyUuids([workOrderId]);
    const workOrder = id
      ? await manager.getRepository(WorkOrder).createQueryBuilder('wo').setLock('pessimistic_write').where('wo.id = :id', { id }).getOne()
      : null;
    if (!workOrder) throw notFound('WorkOrder', workOrderId);
    return workOrder;
  }

  /** One lifecycle move with its history line; refused with INVALID_STATE_TRANSITION when the status does not allow it. */
  async apply(manager: EntityManager, workOrder: WorkOrder, { move, actor, reason = null, changes = {} }: Move): Promise<WorkOrder> {
    const fromStatus = workOrder.status;
    const toStatus = nextStatus(workOrder.id, fromStatus, move);
    Object.assign(workOrder, changes, { status: toStatus });
    const saved = await manager.getRepository(WorkOrder).save(workOrder);
    await manager.insert(WorkOrderTransition, { workOrderId: workOrder.id, fromStatus, toStatus, actor, reason });
    return saved;
  }

  findByIds(ids: readonly string[]): Promise<WorkOrder[]> {
    return findByIds(this.dataSource.getRepository(WorkOrder), ids);
  }

  /** Oldest first; given the fields asked of each work order, only the columns they and the row rule read. */
  findByOrderIds(orderIds: readonly string[], fields?: Iterable<string>): Promise<WorkOrder[]> {
    return findReferencing(
      this.dataSource.getRepository(WorkOrder),
      'orderId',
      orderIds,
      { createdAt: 'ASC' },
      fields && { fields, always: WORK_ORDER_ROW_RULE_READS, readBy: WORK_ORDER_FIELD_READS },
    );
  }

  findByCustomerIds(customerIds: readonly string[]): Promise<WorkOrder[]> {
    return findReferencing(this.dataSource.getRepository(WorkOrder), 'customerId', customerIds, { createdAt: 'ASC' });
  }

  findByEngineerIds(engineerIds: readonly string[]): Promise<WorkOrder[]> {
    return findReferencing(this.dataSource.getRepository(WorkOrder), 'engineerId', engineerIds, { appointmentDate: 'ASC', createdAt: 'ASC' });
  }

  historyOf(workOrderIds: readonly string[]): Promise<WorkOrderTransition[]> {
    return findReferencing(this.dataSource.getRepository(WorkOrderTransition), 'workOrderId', workOrderIds, { at: 'ASC' });
  }

  dayBoard(date: string, status: WorkOrderStatus | null): Promise<WorkOrder[]> {
    const query = this.dataSource
      .getRepository(WorkOrder)
      .createQueryBuilder('wo')
      .where('wo.appointmentDate = :date', { date })
      .orderBy('wo.createdAt', 'ASC');
    if (status) query.andWhere('wo.status = :status', { status });
    return query.getMany().then(inAppointmentOrder);
  }

  /** An engineer's jobs, optionally of one day: what their console opens with. */
  engineerDay(engineerId: string, date?: string | null): Promise<WorkOrder[]> {
    const query = this.dataSource
      .getRepository(WorkOrder)
      .createQueryBuilder('wo')
      .where('wo.engineerId = :engineerId', { engineerId: onlyUuids([engineerId])[0] ?? null })
      .orderBy('wo.createdAt', 'ASC');
    if (date) query.andWhere('wo.appointmentDate = :date', { date });
    return query.getMany().then(inAppointmentOrder);
  }
}
