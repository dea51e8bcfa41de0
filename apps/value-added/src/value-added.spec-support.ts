import { randomUUID } from 'node:crypto';
import { todayInChina } from '@aftercare/business-time';
import { EventEnvelope, Topics, WorkOrderCompleted, WorkOrderCompletedPayload } from '@aftercare/event-contracts';
import type { Identity, StaffIdentity } from '@aftercare/identity';
import { countRows, EventStream, eventually, outboxEvents, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { valueAddedService } from './value-added.definition';

export const supervisor = staff('SUPERVISOR');

/** A value-added agent's identity: their token's sub is their agent id. */
export function agentIdentity(agentId: string, name = agentId): StaffIdentity {
  return { kind: 'staff', userId: agentId, name, roles: ['VALUE_ADDED_AGENT'] };
}

/** The China calendar day `months` months (and `days` days) before or after `day`, as PostgreSQL's date arithmetic counts. */
export function shiftDay(day: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return new Date(target.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export const today = () => todayInChina();

/** Sediment 3 months, carbon 6, RO membrane 24: the plan of the seeds. */
export const THREE_STAGES = [
  { name: 'PP sediment', intervalMonths: 3, priceCents: 3000 },
  { name: 'Activated carbon', intervalMonths: 6, priceCents: 4500 },
  { name: 'RO membrane', intervalMonths: 24, priceCents: 39900 },
];

export interface TaskView {
  id: string;
  kind: string;
  tier: string;
  status: string;
  stages: string[];
  dueOn: string;
  agentId: string | null;
  attempts: number;
  outcome: string | null;
  siteOutcome: string | null;
  nextAttemptAt: string | null;
  device: { serial: string };
  customer: { id: string };
}

export const TASK_FIELDS = 'id kind tier status stages dueOn agentId attempts outcome siteOutcome nextAttemptAt device { serial } customer { id }';

/** Drives the real service (real PostgreSQL and Kafka) the way supervisors, agents and the other services do. */
export class ValueAddedDriver {
  private constructor(
    readonly sut: ServiceUnderTest,
    readonly events: EventStream,
  ) {}

  static async start(): Promise<ValueAddedDriver> {
    const sut = await startServiceUnderTest(valueAddedService);
    const events = new EventStream(sut.env);
    await sut.service.consumer.ready();
    return new ValueAddedDriver(sut, events);
  }

  async stop(): Promise<void> {
    await this.events?.close();
    await this.sut?.stop();
  }

  get dataSource() {
    return this.sut.service.dataSource;
  }

  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, identity: Identity = supervisor): Promise<T> {
    const response = await this.sut.graphql<T>(query, variables, identity);
    if (response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  /** Publishes another service's events and waits until value-added has applied them all. */
  async playAndApply(topic: string, ...events: EventEnvelope[]): Promise<void> {
    await this.events.publish(topic, ...events);
    await eventually(async () =>
      expect(await countRows(this.dataSource, 'inbox_event', 'event_id = ANY($1::uuid[])', [events.map((event) => event.id)])).toBe(events.length),
    );
  }

  async definePlan(productModel: string, brand: string, stages = THREE_STAGES): Promise<string> {
    const data = await this.ok<{ defineConsumablePlan: { id: string } }>(
      `mutation ($input: DefineConsumablePlanInput!) { defineConsumablePlan(input: $input) { id } }`,
      { input: { productModel, brand, stages } },
    );
    return data.defineConsumablePlan.id;
  }

  async optIn(brand: string, optedIn = true): Promise<void> {
    await this.ok(`mutation ($input: SetBrandReminderServiceInput!) { setBrandReminderService(input: $input) { optedIn } }`, { input: { brand, optedIn } });
  }

  async setAgent(agentId: string, tier: 'REMINDER' | 'SALES', dailyTarget = 300, active = true): Promise<void> {
    await this.ok(`mutation ($input: SetCallAgentInput!) { setCallAgent(input: $input) { id } }`, {
      input: { agentId, name: agentId, tier, dailyTarget, active },
    });
  }

  /** Plays dispatch announcing a completed install of a machine. */
  installEvent(facts: {
    serial: string;
    customerId?: string;
    brand: string;
    productModel: string;
    installedOn: string;
  }): EventEnvelope<'WorkOrderCompleted', WorkOrderCompletedPayload> {
    const workOrderId = randomUUID();
    return WorkOrderCompleted.create(workOrderId, {
      workOrderId,
      type: 'INSTALL',
      orderId: randomUUID(),
      contractId: null,
      customerId: facts.customerId ?? randomUUID(),
      city: 'Shanghai',
      brand: facts.brand,
      productModel: facts.productModel,
      engineerId: randomUUID(),
      // Noon China time on the install day.
      completedAt: `${facts.installedOn}T04:00:00.000Z`,
      measuredAreaM2: null,
      paymentCollectedCents: 0,
      paymentRefused: false,
      serial: facts.serial,
      siteAddress: '88 Century Avenue',
      replacedStages: [],
      refusedAtDoor: false,
    });
  }

  async install(facts: { serial: string; customerId?: string; brand: string; productModel: string; installedOn: string }): Promise<string> {
    const event = this.installEvent(facts);
    await this.playAndApply(Topics['service-dispatch'], event);
    return event.payload.customerId;
  }

  async runDay(day: string = today()): Promise<{ tasksOpened: number; tasksAssigned: number; unassigned: number }> {
    const data = await this.ok<{ runDailyReminders: { tasksOpened: number; tasksAssigned: number; unassigned: number } }>(
      `mutation ($day: Date) { runDailyReminders(day: $day) { day tasksOpened tasksAssigned unassigned } }`,
      { day },
    );
    return data.runDailyReminders;
  }

  async queue(agentId: string, includeLater = false): Promise<TaskView[]> {
    const data = await this.ok<{ myCallQueue: TaskView[] }>(
      `query ($later: Boolean!) { myCallQueue(includeLater: $later) { ${TASK_FIELDS} } }`,
      { later: includeLater },
      agentIdentity(agentId),
    );
    return data.myCallQueue;
  }

  async teamQueue(filter: Record<string, unknown> = {}): Promise<TaskView[]> {
    const data = await this.ok<{ teamCallQueue: TaskView[] }>(`query ($filter: QueueFilter) { teamCallQueue(filter: $filter) { ${TASK_FIELDS} } }`, { filter });
    return data.teamCallQueue;
  }

  /** The open tasks of the devices with these serials, whoever has them. */
  async tasksOf(...serials: string[]): Promise<TaskView[]> {
    return (await this.teamQueue({ first: 2000 })).filter((task) => serials.includes(task.device.serial));
  }

  async record(taskId: string, outcome: string, by: Identity, extra: Record<string, unknown> = {}): Promise<TaskView> {
    const data = await this.ok<{ recordCallOutcome: TaskView }>(
      `mutation ($input: RecordCallOutcomeInput!) { recordCallOutcome(input: $input) { ${TASK_FIELDS} } }`,
      { input: { taskId, outcome, ...extra } },
      by,
    );
    return data.recordCallOutcome;
  }

  async device(
    serial: string,
  ): Promise<{ reminderDueOn: string | null; stages: { stage: string; lastChangedOn: string; nextDueOn: string }[] } & Record<string, unknown>> {
    const data = await this.ok<{ device: never }>(
      `query ($serial: String!) { device(serial: $serial) { serial brand productModel installedOn reminderDueOn remindersActive warrantyEndsOn underWarranty stages { stage intervalMonths lastChangedOn nextDueOn } } }`,
      { serial },
    );
    return data.device;
  }

  outbox(eventType: string, aggregateId: string): Promise<EventEnvelope[]> {
    return outboxEvents(this.dataSource, eventType, aggregateId);
  }
}

/** Plays dispatch announcing what the engineer recorded on the replacement work order of an order. */
export function replacementCompleted(
  order: { replacementOrderId: string; customerId: string; serial?: string },
  onSite: { replacedStages?: string[]; paymentCollectedCents?: number; paymentRefused?: boolean; refusedAtDoor?: boolean },
): EventEnvelope<'WorkOrderCompleted', WorkOrderCompletedPayload> {
  const workOrderId = randomUUID();
  return WorkOrderCompleted.create(workOrderId, {
    workOrderId,
    type: 'CONSUMABLE_REPLACEMENT',
    orderId: order.replacementOrderId,
    contractId: null,
    customerId: order.customerId,
    city: 'Shanghai',
    brand: 'PHILIPS',
    productModel: 'AquaPure X5',
    engineerId: randomUUID(),
    completedAt: new Date().toISOString(),
    measuredAreaM2: null,
    paymentCollectedCents: onSite.paymentCollectedCents ?? 0,
    paymentRefused: onSite.paymentRefused ?? false,
    serial: order.serial ?? null,
    siteAddress: '88 Century Avenue',
    replacedStages: onSite.replacedStages ?? [],
    refusedAtDoor: onSite.refusedAtDoor ?? false,
  });
}
