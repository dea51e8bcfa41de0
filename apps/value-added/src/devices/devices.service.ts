import { DataSource, EntityManager } from 'typeorm';
import type { WorkOrderCompletedPayload } from '@aftercare/event-contracts';
import { chinaDate } from '@aftercare/business-time';
import { findReferencing, lockUntilCommit, onlyUuids } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { InstalledDevice } from './installed-device.entity';
import { StageClock } from './stage-clock.entity';

export interface DeviceWarranty {
  deviceId: string;
  warrantyEndsOn: string | null;
}

export interface DeviceReminderService {
  deviceId: string;
  active: boolean;
}

/**
 * The next reminder of the devices matched by `where` (over `installed_device d`): the earliest stage
 * due, but after `$day` at the latest one full cycle (the shortest interval), so a customer who declined
 * or turned the engineer away is called again next cycle, not the next morning.
 */
function nextReminderSql(where: string, dayParam: string): string {
  return `UPDATE installed_device d SET reminder_due_on = c.due
            FROM (SELECT s.device_id,
                         LEAST(min(s.next_due_on) FILTER (WHERE s.next_due_on > ${dayParam}::date),
                               (${dayParam}::date + make_interval(months => min(s.interval_months)))::date) AS due
                    FROM stage_clock s GROUP BY s.device_id) c
           WHERE c.device_id = d.id AND ${where}`;
}

/** The installed base: devices from completed installs, one clock per consumable stage, warranty from brand terms. */
@Injectable()
export class DevicesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A completed install becomes an installed device with a clock per stage of its model's plan, starting on
   * the install day (China time). A redelivered event, or a serial already known, adds nothing.
   */
  async recordInstall(completed: WorkOrderCompletedPayload, manager: EntityManager): Promise<void> {
    const serial = completed.serial?.trim();
    // Completions announced before dispatch carried the serial cannot be told apart: no device without one.
    if (!serial || !completed.brand || !completed.productModel) return;
    const installedOn = chinaDate(new Date(completed.completedAt));
    await this.lockModelClocks(manager, [completed.productModel]);
    const inserted = (await manager.query(
      `INSERT INTO installed_device (serial, customer_id, brand, product_model, city, address, installed_on, install_work_order_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        serial,
        completed.customerId,
        completed.brand.trim(),
        completed.productModel.trim(),
        completed.city,
        completed.siteAddress ?? '',
        installedOn,
        completed.workOrderId,
      ],
    )) as { id: string }[];
    const deviceId = inserted[0]?.id;
    if (!deviceId) return;
    await manager.query(
      `INSERT INTO stage_clock (device_id, stage, interval_months, last_changed_on, next_due_on)
       SELECT $1, s.name, s.interval_months, $2::date, ($2::date + make_interval(months => s.interval_months))::date
         FROM consumable_stage s JOIN consumable_plan p ON p.id = s.plan_id
        WHERE p.product_model = $3`,
      [deviceId, installedOn, completed.productModel.trim()],
    );
    await manager.query(`UPDATE installed_device d SET reminder_due_on = (SELECT min(next_due_on) FROM stage_clock WHERE device_id = d.id) WHERE d.id = $1`, [
      deviceId,
    ]);
  }

  /**
   * Machines installed before we served them, in one statement: new serials become devices with clocks from
   * their install day (so they may be due at once); serials already known are left as they are. Returns how
   * many were added.
   */
  async importDevices(
    devices: { serial: string; customerId: string; brand: string; productModel: string; city: string; address: string; installedOn: string }[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockModelClocks(
        manager,
        devices.map((device) => device.productModel),
      );
      const inserted = (await manager.query(
        `INSERT INTO installed_device (serial, customer_id, brand, product_model, city, address, installed_on)
         SELECT trim(d.serial), d."customerId", trim(d.brand), trim(d."productModel"), trim(d.city), trim(d.address), d."installedOn"
           FROM jsonb_to_recordset($1::jsonb) AS d(serial text, "customerId" uuid, brand text, "productModel" text, city text, address text, "installedOn" date)
         ON CONFLICT DO NOTHING RETURNING id`,
        [JSON.stringify(devices)],
      )) as { id: string }[];
      const ids = inserted.map((row) => row.id);
      await manager.query(
        `INSERT INTO stage_clock (device_id, stage, interval_months, last_changed_on, next_due_on)
         SELECT d.id, s.name, s.interval_months, d.installed_on, (d.installed_on + make_interval(months => s.interval_months))::date
           FROM installed_device d JOIN consumable_plan p ON p.product_model = d.product_model JOIN consumable_stage s ON s.plan_id = p.id
          WHERE d.id = ANY($1::uuid[])`,
        [ids],
      );
      await manager.query(
        `UPDATE installed_device d SET reminder_due_on = (SELECT min(next_due_on) FROM stage_clock WHERE device_id = d.id) WHERE d.id = ANY($1::uuid[])`,
        [ids],
      );
      return ids.length;
    });
  }

  /** A plan defined after machines of its model were installed starts their clocks from each install day. */
  async startClocksForModel(manager: EntityManager, planId: string, productModel: string): Promise<void> {
    await this.lockModelClocks(manager, [productModel]);
    await manager.query(
      `INSERT INTO stage_clock (device_id, stage, interval_months, last_changed_on, next_due_on)
       SELECT d.id, s.name, s.interval_months, d.installed_on, (d.installed_on + make_interval(months => s.interval_months))::date
         FROM installed_device d JOIN consumable_stage s ON s.plan_id = $1
        WHERE d.product_model = $2
       ON CONFLICT DO NOTHING`,
      [planId, productModel],
    );
    await manager.query(
      `UPDATE installed_device d SET reminder_due_on = c.due
         FROM (SELECT device_id, min(next_due_on) AS due FROM stage_clock GROUP BY device_id) c
        WHERE c.device_id = d.id AND d.product_model = $1`,
      [productModel],
    );
  }

  /**
   * The stages actually replaced on `day` start again; the others keep running. Stage names compare
   * case-blind; a stage the device does not have is ignored. Returns the stages that were reset.
   */
  async resetStages(manager: EntityManager, deviceId: string, stages: string[], day: string): Promise<string[]> {
    if (stages.length === 0) return [];
    await this.lockDevice(manager, deviceId);
    const reset = (await manager.query(
      `UPDATE stage_clock SET last_changed_on = $3::date, next_due_on = ($3::date + make_interval(months => interval_months))::date
        WHERE device_id = $1 AND lower(stage) = ANY($2::text[]) RETURNING stage`,
      [deviceId, stages.map((stage) => stage.trim().toLowerCase()), day],
    )) as [{ stage: string }[], number];
    await manager.query(`UPDATE installed_device d SET reminder_due_on = (SELECT min(next_due_on) FROM stage_clock WHERE device_id = d.id) WHERE d.id = $1`, [
      deviceId,
    ]);
    return reset[0].map((row) => row.stage);
  }

  /** Nothing was replaced (declined, refused, no answer after every retry): the device is reminded next cycle. */
  async remindNextCycle(manager: EntityManager, deviceId: string, day: string): Promise<void> {
    await this.lockDevice(manager, deviceId);
    await manager.query(nextReminderSql('d.id = $1', '$2'), [deviceId, day]);
  }

  /**
   * An install reads its model's plan to start the clocks, a plan's definition reads the model's devices to start
   * theirs: run at once, each would miss the other's uncommitted row and the device would never get clocks. Both
   * take this lock (models in name order, before the device is inserted, so an import and an install never wait on
   * each other crosswise); it lasts until commit, and the read after it sees what the other committed.
   */
  private async lockModelClocks(manager: EntityManager, productModels: readonly string[]): Promise<void> {
    await lockUntilCommit(
      manager,
      'value-added:model-clocks',
      productModels.map((model) => model.trim()),
    );
  }

  /**
   * A device's next reminder is computed from all its clocks, which several work orders (each its own partition,
   * several instances) and calls may change at once: each would miss the other's uncommitted clocks and the last
   * to write would leave a reminder from stale clocks. Holding the device row until commit makes them take turns;
   * every statement after the lock reads the clocks as the one before left them.
   */
  private async lockDevice(manager: EntityManager, deviceId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM installed_device WHERE id = $1 FOR UPDATE`, [deviceId]);
  }

  findBySerial(serials: readonly string[]): Promise<InstalledDevice[]> {
    return this.dataSource
      .getRepository(InstalledDevice)
      .createQueryBuilder('d')
      .where('d.serial = ANY(:serials)', { serials: serials.map((s) => s.trim()) })
      .getMany();
  }

  findByIds(ids: readonly string[]): Promise<InstalledDevice[]> {
    return this.dataSource
      .getRepository(InstalledDevice)
      .createQueryBuilder('d')
      .where('d.id = ANY(:ids)', { ids: onlyUuids(ids) })
      .getMany();
  }

  /** The devices of many customers, in one query, oldest install first. */
  findByCustomerIds(customerIds: readonly string[]): Promise<InstalledDevice[]> {
    return findReferencing(this.dataSource.getRepository(InstalledDevice), 'customerId', customerIds, { installedOn: 'ASC', serial: 'ASC' });
  }

  /** The clocks of many devices, soonest due first. */
  clocksOf(deviceIds: readonly string[]): Promise<StageClock[]> {
    return this.dataSource
      .getRepository(StageClock)
      .createQueryBuilder('c')
      .where('c.deviceId = ANY(:ids)', { ids: onlyUuids(deviceIds) })
      .orderBy('c.nextDueOn', 'ASC')
      .addOrderBy('c.stage', 'ASC')
      .getMany();
  }

  /** Install day + the brand's warranty months for the model (or for all its models), for many devices at once. */
  async warrantiesOf(deviceIds: readonly string[]): Promise<DeviceWarranty[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id AS "deviceId", to_char((d.installed_on + make_interval(months => w.months))::date, 'YYYY-MM-DD') AS "warrantyEndsOn"
         FROM installed_device d
         LEFT JOIN LATERAL (SELECT t.months FROM warranty_term t
                             WHERE t.brand_key = upper(trim(d.brand)) AND t.product_model_key IN (d.product_model, '')
                             ORDER BY t.product_model_key DESC LIMIT 1) w ON true
        WHERE d.id = ANY($1::uuid[])`,
      [onlyUuids(deviceIds)],
    )) as DeviceWarranty[];
    return rows;
  }

  /** Whether each device gets reminders: its model has a plan and its brand has opted in. */
  async reminderServiceOf(deviceIds: readonly string[]): Promise<DeviceReminderService[]> {
    return (await this.dataSource.query(
      `SELECT d.id AS "deviceId",
              EXISTS (SELECT 1 FROM consumable_plan p WHERE p.product_model = d.product_model)
              AND EXISTS (SELECT 1 FROM brand_reminder_service b WHERE b.brand_key = upper(trim(d.brand)) AND b.opted_in) AS active
         FROM installed_device d WHERE d.id = ANY($1::uuid[])`,
      [onlyUuids(deviceIds)],
    )) as DeviceReminderService[];
  }

  /** The earliest stage change due per customer, over all their devices with a plan. */
  async nextDueOf(customerIds: readonly string[]): Promise<{ customerId: string; due: string | null }[]> {
    return (await this.dataSource.query(
      `SELECT d.customer_id AS "customerId", to_char(min(c.next_due_on), 'YYYY-MM-DD') AS due
         FROM installed_device d JOIN stage_clock c ON c.device_id = d.id
        WHERE d.customer_id = ANY($1::uuid[]) GROUP BY d.customer_id`,
      [onlyUuids(customerIds)],
    )) as { customerId: string; due: string | null }[];
  }
}
