import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { chinaDayFromToday } from '@aftercare/business-time';
import { Topics } from '@aftercare/event-contracts';
import { eventually, EventStream, Platform, startPlatform } from '@aftercare/testing';
import { deliveryFigures, registerPartner, report, serviceDatabase, sleep, submitOrders, Submitted } from './support/faults';
import { applyOrderFigures, byInstance, createCustomers, duplicateCopies, observeMessaging, producedEvents, requestsServed } from './support/replicas';

const DISPATCH = 'service-dispatch';
const SERVICES = ['sales', DISPATCH, 'complaints', 'engineer-network', 'value-added'] as const;
type Service = (typeof SERVICES)[number];
type Recorded = Awaited<ReturnType<EventStream['record']>>;

/** Sales' events about a customer card, all of which dispatch applies to its copy of the card. */
const CUSTOMER_CARD_EVENTS = ['CustomerRegistered', 'CustomerProfileChanged', 'CustomerValueChanged'];

/** One request through the gateway that needs every subgraph. */
const EVERY_SERVICE = `query EveryService($id: ID!) {
  customer(id: $id) { id orders { id workOrders { id } } complaints { id } consumables { serial } }
  openBackupTasks { id }
}`;
const FILE_COMPLAINT = `mutation FileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const UPDATE_CUSTOMER = `mutation UpdateCustomer($id: ID!, $input: CustomerProfileInput!) { updateCustomer(id: $id, input: $input) { id } }`;
const DEFINE_PLAN = `mutation DefinePlan($input: DefineConsumablePlanInput!) { defineConsumablePlan(input: $input) { id } }`;
const OPT_IN = `mutation OptIn($input: SetBrandReminderServiceInput!) { setBrandReminderService(input: $input) { optedIn } }`;
const IMPORT_BASE = `mutation ImportBase($devices: [InstalledDeviceInput!]!) { importInstalledBase(devices: $devices) }`;
const RUN_REMINDERS = `mutation RunReminders($day: Date!) { runDailyReminders(day: $day) { tasksOpened } }`;

const REMINDER_BRAND = 'REPLICA WATER';
const REMINDER_MODEL = 'Replica R1';

/**
 * Scenario 9, two instances of every service behind the gateway, then scenario 4, a rebalance storm (dispatch
 * scaled 1 → 3 → 1 while partners submit orders and staff edit customer cards). One platform for both: every
 * service runs two instances and dispatch has a third slot, all listed to the gateway (SUBGRAPH_URL_<NAME> as a
 * replica list). Triggers installed in each service's database record which instance applied, recorded and
 * published each event (support/replicas.ts): the services themselves are unchanged.
 */
describe('replicas: two instances of every service (scenario 9) and a rebalance storm (scenario 4)', () => {
  let platform: Platform;
  let apiKey: string;
  const db = {} as Record<Service, Client>;
  let stream: EventStream;
  const topics = {} as Record<Service, Recorded>;

  beforeAll(async () => {
    platform = await startPlatform(
      'faults-replicas',
      {},
      { replicas: Object.fromEntries(SERVICES.map((service) => [service, 2])), maxReplicas: { [DISPATCH]: 3 } },
    );
    apiKey = await registerPartner(platform, 'FAULTSREPLICA');
    for (const service of SERVICES) db[service] = await serviceDatabase(platform, service);
    await Promise.all(SERVICES.map((service) => observeMessaging(db[service])));
    stream = new EventStream(platform.env);
    for (const service of SERVICES) topics[service] = await stream.record(Topics[service]);
  });

  afterAll(async () => {
    await stream?.close();
    await Promise.all(Object.values(db).map((client) => client.end()));
    await platform?.stop();
  });

  /** How many times each listed event type was recorded, per instance, in a service's database. */
  async function recordedBy(service: Service, types: string[]): Promise<string> {
    const { rows } = await db[service].query<{ instance: string; n: number }>(
      `SELECT recorded_by AS instance, count(*)::int AS n FROM faults_recorded WHERE event_type = ANY($1) GROUP BY recorded_by`,
      [types],
    );
    return byInstance(rows);
  }

  async function fileOverdueComplaints(customers: string[]): Promise<string[]> {
    // Received three weeks ago: every clock (first contact, opinion, resolution) is past its warning and its deadline.
    const receivedAt = new Date(Date.now() - 21 * 24 * 3600_000).toISOString();
    return Promise.all(
      customers.map((customerId) =>
        // Complaints knows a customer once sales' CustomerRegistered has reached it.
        eventually(
          async () => {
            const filed = await platform.asStaff<{ fileComplaint: { id: string } }>(['ADMIN'], FILE_COMPLAINT, {
              input: {
                category: 'SERVICE',
                priority: 'URGENT',
                customerId,
                summary: 'Nobody came for the installation.',
                proposedSolution: 'A dispatcher calls back today.',
                involvesLiability: true,
                receivedAt,
              },
            });
            expect(filed.errors).toBeUndefined();
            return filed.data!.fileComplaint.id;
          },
          30_000,
          500,
        ),
      ),
    );
  }

  /** Devices installed four months ago, of a model whose first stage falls due after three: due today. */
  async function importDueDevices(prefix: string, count: number): Promise<string[]> {
    const serials = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    const imported = await platform.asStaff<{ importInstalledBase: number }>(['ADMIN'], IMPORT_BASE, {
      devices: serials.map((serial, i) => ({
        serial,
        customerId: randomUUID(),
        brand: REMINDER_BRAND,
        productModel: REMINDER_MODEL,
        city: 'Ningbo',
        address: `${i} Reminder Lane`,
        installedOn: chinaDayFromToday(-122),
      })),
    });
    expect(imported.data?.importInstalledBase).toBe(count);
    return serials;
  }

  /** Both instances of a service restarted at the same moment: their start-up background runs race each other. */
  const restartBothTogether = (service: Service) => Promise.all([platform.restart(service, {}, 0), platform.restart(service, {}, 1)]);

  it('scenario 9: requests spread over both instances; the relay lock, the inbox and the sweeps stay correct with two of each', async () => {
    const customers = await createCustomers(platform, 'S9', 3);
    const submitted = await submitOrders(platform, apiKey, 'S9', 24, 4);

    // Requests through the gateway: every instance of every service takes its share. The partners' customer has
    // orders (so work orders in dispatch) once dispatch has applied them.
    const { rows: orderedBy } = await db.sales.query<{ customer_id: string }>(`SELECT customer_id FROM sales_order WHERE id = $1`, [submitted.committed[0]]);
    const partnersCustomer = orderedBy[0]!.customer_id;
    await eventually(async () => expect((await deliveryFigures(db[DISPATCH], submitted.committed)).lost).toBe(0), 60_000, 500);
    const servedBefore = await Promise.all(SERVICES.map((service) => requestsServed(platform, service)));
    for (let i = 0; i < 40; i++) {
      const answer = await platform.asStaff(['ADMIN'], EVERY_SERVICE, { id: partnersCustomer });
      expect(answer.errors).toBeUndefined();
    }
    const servedAfter = await Promise.all(SERVICES.map((service) => requestsServed(platform, service)));
    const served = SERVICES.map((service, s) => ({ service, perInstance: servedAfter[s]!.map((count, i) => count - (servedBefore[s]![i] ?? 0)) }));

    // The SLA sweep: overdue complaints, then both complaints instances restarted together so their first sweeps race.
    const complaintIds = await fileOverdueComplaints(customers);
    await restartBothTogether('complaints');
    const { rows: clockRows } = await db.complaints.query<{ n: number }>(`SELECT count(*)::int AS n FROM sla_clock WHERE complaint_id = ANY($1::uuid[])`, [
      complaintIds,
    ]);
    const clocks = clockRows[0]!.n;
    const slaOnTopic = () =>
      topics.complaints
        .map((message) => JSON.parse(message.value) as { id: string; type: string; payload: { complaintId: string; clock: string } })
        .filter((event) => ['ComplaintSlaWarning', 'ComplaintSlaBreached'].includes(event.type) && complaintIds.includes(event.payload.complaintId));
    await eventually(
      async () => expect(new Set(slaOnTopic().map((event) => `${event.type} ${event.payload.complaintId} ${event.payload.clock}`)).size).toBe(clocks * 2),
      60_000,
      500,
    );
    // Each instance sweeps again every 30 s: after this wait both have swept once more over the same clocks.
    await sleep(31_000);
    const sla = slaOnTopic();
    const slaKeys = sla.map((event) => `${event.type} ${event.payload.complaintId} ${event.payload.clock}`);

    // The daily reminder run: batch A due, both value-added instances restarted together (their start-up runs race);
    // batch B due, six runs through the gateway at once (spread over both instances).
    await platform.asStaff(['ADMIN'], DEFINE_PLAN, {
      input: { productModel: REMINDER_MODEL, brand: REMINDER_BRAND, stages: [{ name: 'PP sediment', intervalMonths: 3, priceCents: 3000 }] },
    });
    expect((await platform.asStaff(['ADMIN'], OPT_IN, { input: { brand: REMINDER_BRAND, optedIn: true } })).errors).toBeUndefined();
    const batchA = await importDueDevices('S9-A', 5);
    await restartBothTogether('value-added');
    const batchB = await importDueDevices('S9-B', 5);
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        platform.asStaff<{ runDailyReminders: { tasksOpened: number } }>(['ADMIN'], RUN_REMINDERS, { day: chinaDayFromToday(0) }),
      ),
    );
    expect(runs.map((run) => run.errors)).toEqual(runs.map(() => undefined));
    const serials = [...batchA, ...batchB];
    const tasksPerDevice = async () =>
      (
        await db['value-added'].query<{ serial: string; tasks: number }>(
          `SELECT d.serial, count(t.id)::int AS tasks FROM installed_device d LEFT JOIN call_task t ON t.device_id = d.id AND t.kind = 'REMINDER'
            WHERE d.serial = ANY($1) GROUP BY d.serial`,
          [serials],
        )
      ).rows;
    await eventually(async () => expect((await tasksPerDevice()).filter((device) => device.tasks === 0)).toEqual([]), 30_000, 500);
    const reminderTasks = await tasksPerDevice();
    const { rows: openedTasks } = await db['value-added'].query<{ id: string }>(
      `SELECT t.id FROM call_task t JOIN installed_device d ON d.id = t.device_id WHERE d.serial = ANY($1) AND t.kind = 'REMINDER'`,
      [serials],
    );
    const remindersOnTopic = () =>
      topics['value-added'].filter((message) =>
        openedTasks.some((task) => (JSON.parse(message.value) as { payload: { taskId?: string } }).payload.taskId === task.id),
      );
    await eventually(async () => expect(new Set(remindersOnTopic().map((message) => JSON.parse(message.value).id)).size).toBe(openedTasks.length), 30_000, 500);

    // The inbox: dispatch applies each order once although two instances consume.
    let delivery = await deliveryFigures(db[DISPATCH], submitted.committed);
    await eventually(
      async () => {
        delivery = await deliveryFigures(db[DISPATCH], submitted.committed);
        expect(delivery.lost).toBe(0);
      },
      60_000,
      500,
    );
    const { rows: dispatchApplies } = await db[DISPATCH].query<{ instance: string; n: number }>(
      `SELECT applied_by AS instance, count(*)::int AS n FROM faults_applied GROUP BY applied_by`,
    );
    // Every consumer, every event: no event id applied twice in any service (the inbox's key makes a second apply a no-op).
    const appliedTwice = await Promise.all(
      SERVICES.map(async (service) => {
        const { rows } = await db[service].query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT 1 FROM faults_applied GROUP BY consumer, event_id HAVING count(*) > 1) twice`,
        );
        return rows[0]!.n;
      }),
    );

    // The relay lock: each outbox row published by one relay, once, whichever instance held the lock.
    const published = await Promise.all(
      SERVICES.map(async (service) => {
        const { rows } = await db[service].query<{ instance: string; n: number }>(
          `SELECT published_by AS instance, count(*)::int AS n FROM faults_published GROUP BY published_by`,
        );
        const { rows: twice } = await db[service].query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT event_id FROM faults_published GROUP BY event_id HAVING count(*) > 1) twice`,
        );
        return { service, by: byInstance(rows), publishedTwice: twice[0]!.n, copiesOnTopic: duplicateCopies(topics[service]) };
      }),
    );

    const figures = {
      requestsPerInstance: served.map(({ service, perInstance }) => `${service}=${perInstance.join('/')}`).join(','),
      orders: delivery.committed,
      lost: delivery.lost,
      appliedTwice: delivery.appliedTwice + appliedTwice.reduce((sum, n) => sum + n, 0),
      dispatchAppliedBy: byInstance(dispatchApplies),
      relayPublishedBy: published.map((relay) => `${relay.service}[${relay.by}]`).join(','),
      publishedTwice: published.reduce((sum, relay) => sum + relay.publishedTwice, 0),
      duplicateCopiesOnTopics: published.reduce((sum, relay) => sum + relay.copiesOnTopic, 0),
      slaClocks: clocks,
      slaEvents: sla.length,
      slaPublishedTwice: slaKeys.length - new Set(slaKeys).size,
      slaSweptBy: await recordedBy('complaints', ['ComplaintSlaWarning', 'ComplaintSlaBreached']),
      reminderDevices: serials.length,
      reminderTasks: openedTasks.length,
      devicesWithTwoTasks: reminderTasks.filter((device) => device.tasks > 1).length,
      reminderDueCopies: remindersOnTopic().length,
      remindersOpenedBy: await recordedBy('value-added', ['ReminderDue']),
      concurrentRunsOpened: runs.map((run) => run.data!.runDailyReminders.tasksOpened).join('+'),
    };
    report('two-instances-of-every-service', figures);

    for (const { perInstance } of served) {
      expect(perInstance).toHaveLength(2);
      const total = perInstance[0]! + perInstance[1]!;
      expect(total).toBeGreaterThanOrEqual(40);
      // Round-robin: each instance takes about half; a third is the floor.
      for (const count of perInstance) expect(count).toBeGreaterThanOrEqual(total / 3);
    }
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
    expect(dispatchApplies.map((row) => row.instance).sort()).toEqual([`${DISPATCH}#1`, `${DISPATCH}#2`]);
    expect(figures.publishedTwice).toBe(0);
    expect(figures.duplicateCopiesOnTopics).toBe(0);
    expect(clocks).toBe(complaintIds.length * 3);
    expect(figures.slaEvents).toBe(clocks * 2);
    expect(figures.slaPublishedTwice).toBe(0);
    expect(figures.reminderTasks).toBe(serials.length);
    expect(figures.devicesWithTwoTasks).toBe(0);
    expect(figures.reminderDueCopies).toBe(serials.length);
  });

  it('scenario 4: dispatch scaled 1 → 3 → 1 while partners order and staff edit cards — lost 0, applied twice 0, per-aggregate order violations 0', async () => {
    await platform.scale(DISPATCH, 1);
    const customers = await createCustomers(platform, 'S4', 4);
    const lastCity = new Map<string, string>();
    const rounds: Submitted[] = [];
    let storming = true;

    const orders = (async () => {
      for (let round = 0; storming; round++) rounds.push(await submitOrders(platform, apiKey, `S4-${round}`, 4, 2));
    })();
    // Each card edited in sequence (one edit committed before the next): its events have one production order.
    const edits = customers.map(async (customerId, c) => {
      for (let edit = 0; storming; edit++) {
        const city = `Storm-${c}-${edit}`;
        const answer = await platform.asStaff(['ADMIN'], UPDATE_CUSTOMER, { id: customerId, input: { city } });
        if (!answer.errors) lastCity.set(customerId, city);
      }
    });

    const appliedByExtras = async () =>
      (
        await db[DISPATCH].query<{ n: number }>(`SELECT count(*)::int AS n FROM faults_applied WHERE applied_by IN ($1, $2)`, [
          `${DISPATCH}#2`,
          `${DISPATCH}#3`,
        ])
      ).rows[0]!.n;
    await sleep(3_000);
    const extrasBefore = await appliedByExtras();
    const scaleUpStarted = Date.now();
    await platform.scale(DISPATCH, 3);
    const scaledUpMs = Date.now() - scaleUpStarted;
    // The new instances must take partitions and apply events before they go again.
    await eventually(async () => expect(await appliedByExtras()).toBeGreaterThan(extrasBefore), 60_000, 500);
    await sleep(3_000);
    await platform.scale(DISPATCH, 1);
    await sleep(3_000);
    storming = false;
    await Promise.all([orders, ...edits]);

    const committed = rounds.flatMap((round) => round.committed);
    const settledFrom = Date.now();
    // Cards have several events each (the order to keep); an order has one, OrderPlaced, keyed by the order.
    const cardEvents = await producedEvents(db.sales, customers, CUSTOMER_CARD_EVENTS);
    const produced = [...cardEvents, ...(await producedEvents(db.sales, committed, ['OrderPlaced']))];
    let delivery = await deliveryFigures(db[DISPATCH], committed);
    let order = await applyOrderFigures(db[DISPATCH], DISPATCH, produced);
    await eventually(
      async () => {
        delivery = await deliveryFigures(db[DISPATCH], committed);
        order = await applyOrderFigures(db[DISPATCH], DISPATCH, produced);
        expect([delivery.lost, order.notApplied]).toEqual([0, 0]);
      },
      90_000,
      500,
    );
    const { rows: cards } = await db[DISPATCH].query<{ id: string; city: string }>(`SELECT id, city FROM customer_card WHERE id = ANY($1::uuid[])`, [
      customers,
    ]);
    const staleCards = customers.filter((id) => cards.find((card) => card.id === id)?.city !== lastCity.get(id)).length;

    // Control: the same applies judged against the reverse of the production order must show every card's later
    // events as violations, or the measure could not see one.
    const reversed = await applyOrderFigures(
      db[DISPATCH],
      DISPATCH,
      cardEvents.map((event) => ({ ...event, sequence: `-${event.sequence}` })),
    );
    const figures = {
      scaled: '1->3->1',
      scaleUpMs: scaledUpMs,
      orders: delivery.committed,
      refused: rounds.reduce((sum, round) => sum + round.refused, 0),
      lost: delivery.lost,
      appliedTwice: delivery.appliedTwice,
      cardEvents: cardEvents.length,
      eventsToDispatch: order.produced,
      notApplied: order.notApplied,
      orderViolations: order.orderViolations,
      staleCards,
      appliedBy: order.appliedBy,
      settledMs: Date.now() - settledFrom,
      violationsAgainstReverseOrder: reversed.orderViolations,
    };
    report('rebalance-storm', figures);
    expect(figures.orders).toBeGreaterThan(0);
    expect(figures.cardEvents).toBeGreaterThan(customers.length * 2);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
    expect(figures.orderViolations).toBe(0);
    expect(figures.violationsAgainstReverseOrder).toBe(cardEvents.length - customers.length);
    expect(figures.staleCards).toBe(0);
    // The storm moved partitions: this scenario's events were applied by more than one instance.
    expect(figures.appliedBy.split(' ').length).toBeGreaterThan(1);
  });
});
