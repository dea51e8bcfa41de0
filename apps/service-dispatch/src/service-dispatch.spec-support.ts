import { randomUUID } from 'node:crypto';
import { CustomerRegistered, EngineerProfile, EngineerRegistered, EventEnvelope, Topics } from '@aftercare/event-contracts';
import { todayInChina } from '@aftercare/business-time';
import type { Identity } from '@aftercare/identity';
import { countRows, EventStream, eventually, outboxEvents, ServiceUnderTest, staff, startServiceUnderTest } from '@aftercare/testing';
import { serviceDispatchService } from './service-dispatch.definition';

export const dispatcher = staff('DISPATCHER');

/** A calendar day `days` from today (UTC), so appointments are never in the past. */
export function inDays(days: number): string {
  return todayInChina(new Date(Date.now() + days * 86_400_000));
}

/** An engineer's staff identity: their token's sub is their Engineer id. */
export function engineerIdentity(engineerId: string): Identity {
  return { kind: 'staff', userId: engineerId, name: 'Engineer', roles: ['ENGINEER'] };
}

const WORK_ORDER_FIELDS =
  'id type status city brand productModel preferredDate appointmentDate appointmentSlot engineerId customerId awaitingBackup selfInstallOffered cancellationReason';

/** Drives the real service (real PostgreSQL and Kafka) the way dispatchers, engineers and the other services do. */
export class DispatchDriver {
  /** Customers sales has announced to this dispatch (work orders by hand need a known customer). */
  private readonly knownCustomers = new Set<string>();
  /** The customer of work orders whose test does not care whose they are. */
  private defaultCustomerId = '';

  private constructor(
    readonly sut: ServiceUnderTest,
    readonly events: EventStream,
  ) {}

  static async start(): Promise<DispatchDriver> {
    const sut = await startServiceUnderTest(serviceDispatchService);
    const events = new EventStream(sut.env);
    await sut.service.consumer.ready();
    const driver = new DispatchDriver(sut, events);
    driver.defaultCustomerId = await driver.customer();
    return driver;
  }

  /** Plays sales registering a customer card and waits until dispatch knows the customer. */
  async customer(customerId: string = randomUUID(), city = 'Suzhou'): Promise<string> {
    if (this.knownCustomers.has(customerId)) return customerId;
    const card = { customerId, name: 'Wang Fang', city, region: city, address: '1 Garden Road', ownerId: null, key: false };
    await this.playAndApply(Topics.sales, CustomerRegistered.create(customerId, card));
    this.knownCustomers.add(customerId);
    return customerId;
  }

  async stop(): Promise<void> {
    await this.events?.close();
    await this.sut?.stop();
  }

  get dataSource() {
    return this.sut.service.dataSource;
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, identity: Identity = dispatcher): Promise<T> {
    const response = await this.sut.graphql<T>(query, variables, identity);
    if (response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  /** Plays engineer-network registering an engineer and waits until dispatch's read model has them. */
  async engineer(overrides: Partial<EngineerProfile> = {}): Promise<EngineerProfile> {
    const engineerId = randomUUID();
    const profile: EngineerProfile = {
      engineerId,
      name: 'Zhang Wei',
      employment: 'EMPLOYEE',
      status: 'ACTIVE',
      homeCity: 'Suzhou',
      cities: ['Suzhou'],
      skills: [{ brand: 'PHILIPS', productModel: 'AquaPure X5' }],
      dailyCapacity: 6,
      ...overrides,
    };
    await this.playAndApply(Topics['engineer-network'], EngineerRegistered.create(engineerId, profile));
    return profile;
  }

  /** Publishes another service's event and waits until dispatch has applied it. */
  async playAndApply(topic: string, event: EventEnvelope): Promise<void> {
    await this.events.publish(topic, event);
    await eventually(async () => expect(await countRows(this.dataSource, 'inbox_event', 'event_id = $1', [event.id])).toBe(1));
  }

  async createWorkOrder(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
    const customerId = typeof overrides['customerId'] === 'string' ? await this.customer(overrides['customerId']) : this.defaultCustomerId;
    const input = {
      type: 'INSTALL',
      customerId,
      city: 'Suzhou',
      siteAddress: '1 Garden Road',
      brand: 'PHILIPS',
      productModel: 'AquaPure X5',
      preferredDate: inDays(3),
      ...overrides,
    };
    const data = await this.ok<{ createWorkOrder: Record<string, unknown> & { id: string } }>(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { ${WORK_ORDER_FIELDS} } }`,
      { input },
    );
    return data.createWorkOrder;
  }

  async schedule(workOrderId: string, appointmentDate?: string, slot = 'MORNING'): Promise<Record<string, unknown>> {
    const data = await this.ok<{ scheduleWorkOrder: Record<string, unknown> }>(
      `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { ${WORK_ORDER_FIELDS} } }`,
      { input: { workOrderId, appointmentDate, slot } },
    );
    return data.scheduleWorkOrder;
  }

  /** A scheduled work order for that day. */
  async scheduled(date: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
    const created = await this.createWorkOrder({ preferredDate: date, ...overrides });
    await this.schedule(created.id);
    return created;
  }

  /** A work order assigned by hand to the engineer (who must be in the read model). */
  async assigned(engineerId: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
    const created = await this.scheduled(inDays(2), overrides);
    await this.ok(`mutation ($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: created.id, engineerId, reason: 'test setup' },
    });
    return created;
  }

  async workOrder(id: string, identity: Identity = dispatcher): Promise<Record<string, unknown>> {
    const data = await this.ok<{ workOrder: Record<string, unknown> }>(`query ($id: ID!) { workOrder(id: $id) { ${WORK_ORDER_FIELDS} } }`, { id }, identity);
    return data.workOrder;
  }

  async dispatchDay(
    date: string,
  ): Promise<{ considered: number; assignedWorkOrderIds: string[]; unassignableWorkOrderIds: string[]; beyondServiceRadiusWorkOrderIds: string[] }> {
    const data = await this.ok<{ dispatchDay: never }>(
      `mutation ($date: Date!) { dispatchDay(date: $date) { date considered assignedWorkOrderIds unassignableWorkOrderIds beyondServiceRadiusWorkOrderIds } }`,
      { date },
    );
    return data.dispatchDay;
  }

  outbox(eventType: string, aggregateId: string): Promise<EventEnvelope[]> {
    return outboxEvents(this.dataSource, eventType, aggregateId);
  }
}
