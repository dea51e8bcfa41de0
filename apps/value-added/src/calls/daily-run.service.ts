import { DataSource } from 'typeorm';
import { ObjectType, Field, Int } from 'type-graphql';
import { AgentTier, ReminderDue } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { CalendarDateScalar, Injectable } from '@aftercare/subgraph';
import { distributeOpenTasks } from '../agents/distribution';
import { HIGH_VALUE_INDEX } from '../customers/customers.service';

@ObjectType({ description: "What one day's reminder run did." })
export class ReminderRun {
  @Field(() => CalendarDateScalar)
  day: string;

  @Field(() => Int, { description: 'Call tasks opened by this run (0 when the day was already run).' })
  tasksOpened: number;

  @Field(() => Int, { description: 'Tasks handed to agents by this run, new or waiting from before.' })
  tasksAssigned: number;

  @Field(() => Int, { description: 'Open tasks no agent had room for.' })
  unassigned: number;
}

/** Events go to the outbox in bulk inserts of this many rows (well under PostgreSQL's parameter limit). */
const OUTBOX_CHUNK = 1000;

interface OpenedTask {
  id: string;
  customerId: string;
  deviceId: string;
  serial: string;
  brand: string;
  productModel: string;
  stages: string[];
  dueOn: string;
  tier: AgentTier;
  agentId: string | null;
}

/**
 * The daily run: every device whose reminder is due becomes a call task, handed to an agent of the right
 * tier. Set-based: a fixed handful of statements, whatever the size of the installed base.
 */
@Injectable()
export class DailyRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Idempotent and restart-safe: one transaction, and a device gets one reminder task per due date (unique
   * index), none while it has an open task or an open replacement order. Skipped: brands that have not
   * opted in, models without a plan (no clocks), customers who asked not to be called (for ever), whose
   * number was wrong, or who have an open complaint today (the care team is on it; the reminder stays due).
   */
  run(day: string): Promise<ReminderRun> {
    return this.dataSource.transaction(async (manager) => {
      const opened = (await manager.query(
        `INSERT INTO call_task (kind, tier, priority, customer_id, device_id, stages, due_on, opened_on)
         SELECT 'REMINDER',
                CASE WHEN c.interested_since IS NOT NULL OR c.value_index >= $2 THEN 'SALES' ELSE 'REMINDER' END,
                CASE WHEN c.interested_since IS NOT NULL THEN 0 WHEN c.value_index >= $2 THEN 1 ELSE 2 END,
                d.customer_id, d.id,
                ARRAY(SELECT s.stage FROM stage_clock s WHERE s.device_id = d.id AND s.next_due_on <= $1::date ORDER BY s.next_due_on, s.stage),
                d.reminder_due_on, $1::date
           FROM installed_device d
           JOIN brand_reminder_service b ON b.brand_key = upper(trim(d.brand)) AND b.opted_in
           LEFT JOIN customer_card c ON c.customer_id = d.customer_id
          WHERE d.reminder_due_on <= $1::date
            AND c.do_not_call_since IS NULL AND c.wrong_number_since IS NULL
            AND EXISTS (SELECT 1 FROM stage_clock s WHERE s.device_id = d.id AND s.next_due_on <= $1::date)
            AND NOT EXISTS (SELECT 1 FROM open_complaint o WHERE o.customer_id = d.customer_id)
            AND NOT EXISTS (SELECT 1 FROM call_task t WHERE t.device_id = d.id AND t.status = 'OPEN')
            AND NOT EXISTS (SELECT 1 FROM replacement_order r WHERE r.device_id = d.id AND r.status = 'ORDERED')
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [day, HIGH_VALUE_INDEX],
      )) as { id: string }[];
      const assigned = await distributeOpenTasks(manager, day);
      const ids = opened.map((row) => row.id);
      const tasks = ids.length
        ? ((await manager.query(
            `SELECT t.id, t.customer_id AS "customerId", t.device_id AS "deviceId", d.serial, d.brand, d.product_model AS "productModel",
                    t.stages, to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.tier, t.agent_id AS "agentId"
               FROM call_task t JOIN installed_device d ON d.id = t.device_id WHERE t.id = ANY($1::uuid[])`,
            [ids],
          )) as OpenedTask[])
        : [];
      for (let from = 0; from < tasks.length; from += OUTBOX_CHUNK) {
        await this.outbox.record(manager, ...tasks.slice(from, from + OUTBOX_CHUNK).map(({ id, ...task }) => ReminderDue.create(id, { taskId: id, ...task })));
      }
      const [{ unassigned }] = (await manager.query(`SELECT count(*)::int AS unassigned FROM call_task WHERE status = 'OPEN' AND agent_id IS NULL`)) as [
        { unassigned: number },
      ];
      return { day, tasksOpened: ids.length, tasksAssigned: assigned.length, unassigned };
    });
  }
}
