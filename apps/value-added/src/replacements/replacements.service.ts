import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDate, todayInChina } from '@aftercare/business-time';
import { ReplacementOrdered, WorkOrderCancelledPayload, WorkOrderCompletedPayload } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { onlyUuids } from '@aftercare/persistence';
import { badInput, Injectable } from '@aftercare/subgraph';
import type { CallTask, SiteOutcome } from '../calls/call-task.entity';
import { DevicesService } from '../devices/devices.service';
import { InstalledDevice } from '../devices/installed-device.entity';
import { ReplacementOrder } from './replacement-order.entity';

/** Consumables sold on a call, and what happened when the engineer came. */
@Injectable()
export class ReplacementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly devices: DevicesService,
  ) {}

  /**
   * The customer bought: the stages are priced from the plan as it stands, the order is stored and
   * ReplacementOrdered goes out with it (sales records the value-added order, dispatch the work order).
   */
  async order(manager: EntityManager, task: CallTask, request: { stages: string[]; preferredDate: string | null; agentId: string }): Promise<ReplacementOrder> {
    const device = await manager.getRepository(InstalledDevice).findOneByOrFail({ id: task.deviceId });
    const priced = (await manager.query(
      `SELECT c.stage AS name, s.price_cents AS "priceCents", lower(c.stage) AS key
         FROM stage_clock c
         JOIN consumable_plan p ON p.product_model = $2
         JOIN consumable_stage s ON s.plan_id = p.id AND lower(s.name) = lower(c.stage)
        WHERE c.device_id = $1 ORDER BY c.interval_months, c.stage`,
      [device.id, device.productModel],
    )) as { name: string; priceCents: number; key: string }[];
    const wanted = new Set(request.stages.map((stage) => stage.trim().toLowerCase()));
    const unknown = [...wanted].filter((key) => !priced.some((stage) => stage.key === key));
    if (unknown.length) throw badInput(`${device.productModel} has no stage ${unknown.join(', ')}; it has ${priced.map((s) => s.name).join(', ')}`, 'stages');
    const stages = priced.filter((stage) => wanted.has(stage.key)).map(({ name, priceCents }) => ({ name, priceCents }));
    const amountCents = stages.reduce((sum, stage) => sum + stage.priceCents, 0);
    const order = manager.getRepository(ReplacementOrder).create({
      id: randomUUID(),
      taskId: task.id,
      customerId: task.customerId,
      deviceId: device.id,
      agentId: request.agentId,
      brand: device.brand,
      stages,
      amountCents,
      preferredDate: request.preferredDate,
    });
    await manager.getRepository(ReplacementOrder).insert(order);
    await this.outbox.record(
      manager,
      ReplacementOrdered.create(order.id, {
        replacementOrderId: order.id,
        customerId: order.customerId,
        brand: device.brand,
        productModel: device.productModel,
        stages: stages.map((stage) => stage.name),
        city: device.city,
        address: device.address,
        preferredDate: order.preferredDate,
        amountCents,
        deviceId: device.id,
        serial: device.serial,
        stagePrices: stages,
        agentId: request.agentId,
      }),
    );
    return manager.getRepository(ReplacementOrder).findOneByOrFail({ id: order.id });
  }

  /**
   * What the engineer recorded. Turned away at the door, or refused to pay: the order and its task say so
   * and the clocks keep running (the customer is reminded next cycle). Otherwise the stages actually
   * replaced start again and what was collected is revenue. A stage refused on site (ordered, not replaced)
   * stays overdue on its clock but, like a declined call, is not offered again before the next cycle: the
   * customer has just said no to it at the door. A replacement not sold by us (a dispatcher's own job) still
   * resets the clocks of the device it names, on the same terms.
   */
  async onCompleted(completed: WorkOrderCompletedPayload, manager: EntityManager): Promise<void> {
    const day = chinaDate(new Date(completed.completedAt));
    const order = await this.lockOpenOrder(manager, completed.orderId);
    if (!order) {
      const serial = completed.serial?.trim();
      if (!serial || completed.refusedAtDoor || completed.paymentRefused) return;
      const device = await manager.getRepository(InstalledDevice).findOneBy({ serial });
      if (!device) return;
      const reset = await this.devices.resetStages(manager, device.id, completed.replacedStages ?? [], day);
      if (reset.length) await this.devices.remindNextCycle(manager, device.id, day);
      return;
    }
    let status: SiteOutcome;
    let replaced: string[] = [];
    if (completed.refusedAtDoor) status = 'REFUSED_AT_DOOR';
    else if (completed.paymentRefused) status = 'REFUSED_TO_PAY';
    else {
      status = 'REPLACED';
      replaced = await this.devices.resetStages(manager, order.deviceId, completed.replacedStages ?? [], day);
    }
    // After a visit nothing still due is offered before the next cycle: neither what was refused on site nor a stage left unreplaced.
    await this.devices.remindNextCycle(manager, order.deviceId, day);
    await this.close(manager, order, status, {
      replacedStages: status === 'REFUSED_TO_PAY' ? (completed.replacedStages ?? []) : replaced,
      collectedCents: completed.refusedAtDoor ? 0 : completed.paymentCollectedCents,
      workOrderId: completed.workOrderId,
    });
  }

  /** The visit was called off before it happened (the customer changed their mind): reminded next cycle. */
  async onCancelled(cancelled: WorkOrderCancelledPayload, manager: EntityManager): Promise<void> {
    const order = await this.lockOpenOrder(manager, cancelled.orderId);
    if (!order) return;
    await this.devices.remindNextCycle(manager, order.deviceId, todayInChina());
    await this.close(manager, order, 'CANCELLED', { workOrderId: cancelled.workOrderId });
  }

  private async lockOpenOrder(manager: EntityManager, orderId: string | null): Promise<ReplacementOrder | null> {
    const [id] = onlyUuids(orderId ? [orderId] : []);
    if (!id) return null;
    return manager
      .getRepository(ReplacementOrder)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where(`r.id = :id AND r.status = 'ORDERED'`, { id })
      .getOne();
  }

  private async close(manager: EntityManager, order: ReplacementOrder, status: SiteOutcome, changes: Partial<ReplacementOrder>): Promise<void> {
    await manager.update(ReplacementOrder, { id: order.id }, { ...changes, status, closedAt: new Date() });
    await manager.query(`UPDATE call_task SET site_outcome = $2 WHERE id = $1`, [order.taskId, status]);
  }

  findByIds(ids: readonly string[]): Promise<ReplacementOrder[]> {
    return this.dataSource
      .getRepository(ReplacementOrder)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids: onlyUuids(ids) })
      .getMany();
  }
}
