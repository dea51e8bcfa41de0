import { Client } from 'pg';
import { deadLetterTopic, EventEnvelope, ServiceNames, Topics } from '@aftercare/event-contracts';
import { eventually, EventStream, Platform, startPlatform } from '@aftercare/testing';
import { ConsumerGroupAudit } from './support/consumer-groups';
import { deliveryFigures, registerPartner, report, serviceDatabase, sleep } from './support/faults';
import { formatCounts, PartnerOrderLoad, refusalFigures } from './support/partner-load';
import { orderPlacedEvent } from './support/order-placed';
import { ThrowawayPostgres } from './support/throwaway-postgres';

const DISPATCH = 'service-dispatch';
type OrderPlacedOnTopic = EventEnvelope<string, { orderId: string; externalRef?: string }>;
/** How long the database stays down while partners keep submitting. */
const DOWN_MS = 4_000;
/** OrderPlaced events that reach dispatch while its database is down (the test plays a producer whose database is up). */
const EVENTS_WHILE_DOWN = 6;
/** A refused caller hears so within this: the outage shows as an error, never as a wait. */
const REFUSED_WITHIN_MS = 5_000;
/** Past this, process.stop() would have SIGKILLed a service: its shutdown was not orderly. */
const ORDERLY_STOP_MS = 10_000;

/**
 * Scenario 6 (PostgreSQL restarted under load) and 8 (SIGTERM to every service under load), on one
 * platform: the five services and the gateway as real processes, on a PostgreSQL cluster of this test's
 * own, because restarting the shared one would break every other test running on it.
 */
describe('database restarted and services stopped under load', () => {
  let database: ThrowawayPostgres;
  let platform: Platform;
  let apiKey: string;
  let stream: EventStream;
  let salesTopic: Awaited<ReturnType<EventStream['record']>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await ThrowawayPostgres.create();
    platform = await startPlatform('faults-pg-term', {
      DATABASE_URL: database.url,
      // Refusals come back in milliseconds while the database is down; the partner's edge rate limit would
      // answer for the database instead. What is under test here is the services, not the edge.
      RATE_LIMIT_PARTNER_PER_SECOND: '10000',
      RATE_LIMIT_PARTNER_BURST: '10000',
      // Info, not the suite's usual errors only: a service says "stopped" when its orderly stop completed.
      LOG_LEVEL: 'info',
    });
    apiKey = await registerPartner(platform, 'FAULTSPGTERM');
    stream = new EventStream(platform.env);
    salesTopic = await stream.record(Topics.sales);
  });

  afterAll(async () => {
    await stream?.close();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await platform?.stop();
    await database?.destroy();
  });

  /** A connection of the test's own, opened only while the database is up (a restart would end it). */
  async function openDatabase(service: string): Promise<Client> {
    const client = await serviceDatabase(platform, service);
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  async function ordersIn(sales: Client, prefix: string): Promise<Map<string, string>> {
    const { rows } = await sales.query<{ id: string; external_ref: string }>(`SELECT id, external_ref FROM sales_order WHERE external_ref LIKE $1`, [
      `${prefix}-%`,
    ]);
    return new Map(rows.map((row) => [row.external_ref, row.id]));
  }

  function orderPlacedOnTopic(prefix: string): OrderPlacedOnTopic[] {
    return salesTopic
      .map((message) => JSON.parse(message.value) as OrderPlacedOnTopic)
      .filter((event) => event.type === 'OrderPlaced' && event.payload.externalRef?.startsWith(`${prefix}-`));
  }

  /** Waits until every committed order's work order is in dispatch, then returns dispatch's figures. */
  async function settledDelivery(committed: string[]) {
    const dispatch = await openDatabase(DISPATCH);
    const settledFrom = Date.now();
    const figures = await eventually(
      async () => {
        const now = await deliveryFigures(dispatch, committed);
        expect(now.lost).toBe(0);
        return now;
      },
      120_000,
      500,
    ).catch(() => deliveryFigures(dispatch, committed));
    return { ...figures, settledMs: Date.now() - settledFrom };
  }

  function aliveServices(): string[] {
    return ServiceNames.filter((service) => {
      try {
        process.kill(platform.services[service]!.pid!, 0);
        return true;
      } catch {
        return false;
      }
    });
  }

  it('scenario 6: PostgreSQL stopped for 4 s under load — clean retryable refusals, reconnection without a restart, no phantom events, lost 0, applied twice 0', async () => {
    const pidsBefore = ServiceNames.map((service) => platform.services[service]!.pid);
    const load = PartnerOrderLoad.start(platform, apiKey, 'S6');
    await sleep(2_000);
    await database.stop();
    const downAt = Date.now();
    // Each on its own aggregate, so they spread over the partitions: every consumer task meets the outage.
    const arrivedWhileDown = Array.from({ length: EVENTS_WHILE_DOWN }, (_, n) => orderPlacedEvent({ externalRef: `S6DIRECT-${n}` }));
    await stream.publish(Topics.sales, ...arrivedWhileDown);
    await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
    await database.start();
    const upAt = Date.now();
    // The load keeps going until the services have taken orders again by themselves.
    await eventually(() => expect(load.soFar.some((submission) => submission.startedAt > upAt && submission.orderId)).toBe(true), 60_000, 200);
    await sleep(2_000);
    const submissions = await load.stop();
    const firstOrderAfterRestartMs = Math.min(...submissions.filter((s) => s.startedAt > upAt && s.orderId).map((s) => s.startedAt + s.ms)) - upAt;

    const refusals = refusalFigures(submissions, ['DATABASE_UNAVAILABLE', 'AUTHENTICATION_UNAVAILABLE']);
    const whileDown = submissions.filter((s) => s.startedAt >= downAt && s.startedAt + s.ms <= upAt);
    const sales = await openDatabase('sales');
    const stored = await ordersIn(sales, 'S6');
    const committed = [...stored.values()];
    // An order sales answered with must be stored; an order stored although its caller was refused is allowed only
    // when the refusal said the outcome was unknown.
    const answeredButMissing = submissions.filter((s) => s.orderId && stored.get(s.externalRef) !== s.orderId).length;
    // Only "lost the database while saving" may leave the outcome open; every other refusal stored nothing.
    const outcomeUnknown = refusals.notRetryable.filter((s) => s.error!.extensions?.['code'] === 'DATABASE_UNAVAILABLE');
    const refusedButStored = submissions.filter((s) => s.error && stored.has(s.externalRef) && !outcomeUnknown.includes(s)).length;

    // Every committed order's OrderPlaced reaches the topic, and nothing else does: an event of a rolled-back
    // transaction would be an OrderPlaced whose order sales does not have.
    const onTopic = await eventually(
      () => {
        const placed = orderPlacedOnTopic('S6');
        expect(new Set(placed.map((event) => event.payload.orderId)).size).toBe(committed.length);
        return placed;
      },
      60_000,
      500,
    ).catch(() => orderPlacedOnTopic('S6'));
    const committedIds = new Set(committed);
    const phantomEvents = onTopic.filter((event) => !committedIds.has(event.payload.orderId)).length;
    const unpublished = committed.filter((id) => !onTopic.some((event) => event.payload.orderId === id)).length;
    const delivery = await settledDelivery([...committed, ...arrivedWhileDown.map((event) => event.payload.orderId)]);
    // Events that met the outage in a consumer waited for the database; none was given up on as poison.
    const audit = new ConsumerGroupAudit(platform.env);
    const deadLettered = (await Promise.all(ServiceNames.map((service) => audit.messagesOn(deadLetterTopic(service))))).reduce((sum, n) => sum + n, 0);
    // Each relay lost its LISTEN connection with the restart and takes it up again by itself (else only polling is left).
    const listeningAgain = await eventually(
      () => {
        const back = ServiceNames.filter((service) => platform.services[service]!.output().includes('"message":"outbox listener back"')).length;
        expect(back).toBe(ServiceNames.length);
        return back;
      },
      15_000,
      200,
    ).catch(() => ServiceNames.filter((service) => platform.services[service]!.output().includes('"message":"outbox listener back"')).length);
    const ready = await Promise.all(
      ServiceNames.map(
        async (service) => (await fetch(`http://127.0.0.1:${platform.env[`${service.replace(/-/g, '_').toUpperCase()}_PORT`]}/health/ready`)).status,
      ),
    );

    report('postgres-restart', {
      downMs: upAt - downAt,
      submitted: refusals.submitted,
      answered: refusals.answered,
      refusedWhileDown: whileDown.filter((s) => s.error).length,
      eventsArrivedWhileDown: EVENTS_WHILE_DOWN,
      refusals: formatCounts(refusals.byCode),
      unclean: refusals.unclean.length,
      notRetryable: refusals.notRetryable.length,
      outcomeUnknown: outcomeUnknown.length,
      slowestRefusalMs: refusals.slowestRefusalMs,
      firstOrderAfterRestartMs,
      answeredButMissing,
      refusedButStored,
      phantomEvents,
      unpublished,
      deadLettered,
      relaysListeningAgain: listeningAgain,
      ...delivery,
    });
    expect(refusals.unclean).toEqual([]);
    expect(refusals.notRetryable).toEqual(outcomeUnknown);
    expect(whileDown.filter((s) => s.error).length).toBeGreaterThan(0);
    expect(refusals.byCode['DATABASE_UNAVAILABLE'] ?? 0).toBeGreaterThan(0);
    expect(refusals.slowestRefusalMs).toBeLessThan(REFUSED_WITHIN_MS);
    expect(answeredButMissing).toBe(0);
    expect(refusedButStored).toBe(0);
    expect(phantomEvents).toBe(0);
    expect(unpublished).toBe(0);
    expect(deadLettered).toBe(0);
    expect(listeningAgain).toBe(ServiceNames.length);
    expect(delivery.committed).toBeGreaterThan(EVENTS_WHILE_DOWN);
    expect(delivery.lost).toBe(0);
    expect(delivery.appliedTwice).toBe(0);
    // Reconnected by themselves: the same processes, every one ready again.
    expect(ServiceNames.map((service) => platform.services[service]!.pid)).toEqual(pidsBefore);
    expect(aliveServices()).toEqual([...ServiceNames]);
    expect(ready).toEqual(ServiceNames.map(() => 200));
  });

  it('scenario 8: SIGTERM to every service under load — in-flight requests finish, consumers commit and leave, the relay stops after its batch, lost 0, applied twice 0', async () => {
    const audit = new ConsumerGroupAudit(platform.env);
    const load = PartnerOrderLoad.start(platform, apiKey, 'S8');
    await sleep(3_000);
    const termAt = Date.now();
    const stopTimes = await Promise.all(
      ServiceNames.map(async (service) => {
        await platform.services[service]!.stop();
        return Date.now() - termAt;
      }),
    );
    const slowestStopMs = Math.max(...stopTimes);
    // Read at once: a member that left is gone now; one that vanished would linger for its session timeout.
    const members = await audit.members(ServiceNames);
    // A process's last lines may reach us just after its exit.
    const orderlyStops = await eventually(() => {
      const stopped = ServiceNames.filter((service) => /"message":"stopped"/.test(platform.services[service]!.output())).length;
      expect(stopped).toBe(ServiceNames.length);
      return stopped;
    }, 3_000).catch(() => ServiceNames.filter((service) => /"message":"stopped"/.test(platform.services[service]!.output())).length);
    const submissions = await load.stop();

    const sales = await openDatabase('sales');
    const dispatch = await openDatabase(DISPATCH);
    const stored = await ordersIn(sales, 'S8');
    const committed = [...stored.values()];
    // An accepted request that was cut off would be a caller told "failed" for an order that exists.
    const acceptedButCut = submissions.filter((s) => s.error && stored.has(s.externalRef)).length;
    const answeredButMissing = submissions.filter((s) => s.orderId && stored.get(s.externalRef) !== s.orderId).length;
    const refusals = refusalFigures(submissions, ['SUBGRAPH_UNAVAILABLE', 'AUTHENTICATION_UNAVAILABLE']);
    // A request written onto a kept-alive socket the moment the stopping service closed it never reached a
    // resolver, yet the gateway cannot know that and answers "may have been applied" (not retryable); that it
    // really was not applied is acceptedButCut = 0.
    const resetBeforeAccepted = refusals.notRetryable.length;
    const inFlightAtSigterm = submissions.filter((s) => s.startedAt < termAt && s.startedAt + s.ms > termAt);
    const appliedButUncommitted = await audit.appliedButUncommitted(DISPATCH, Topics.sales, dispatch);
    // The relay stopped between batches: nothing it published is left unmarked (which would publish it again).
    const { rows: unmarked } = await sales.query<{ event_id: string }>(`SELECT event_id FROM outbox_event WHERE published_at IS NULL`);
    const onTopicAtStop = await audit.messagesOn(Topics.sales);
    await eventually(() => expect(salesTopic.length).toBeGreaterThanOrEqual(onTopicAtStop), 30_000, 200);
    const onTopicIds = new Set(salesTopic.map((message) => (JSON.parse(message.value) as EventEnvelope).id));
    const publishedButUnmarked = unmarked.filter((row) => onTopicIds.has(row.event_id)).length;

    await Promise.all(ServiceNames.map((service) => platform.restart(service)));
    const delivery = await settledDelivery(committed);

    report('sigterm-all-services', {
      submitted: refusals.submitted,
      answered: refusals.answered,
      refusals: formatCounts(refusals.byCode),
      inFlightAtSigterm: inFlightAtSigterm.length,
      inFlightAnswered: inFlightAtSigterm.filter((s) => s.orderId).length,
      resetBeforeAccepted,
      slowestStopMs,
      orderlyStops,
      membersLeftInGroups: Object.values(members).reduce((sum, n) => sum + n, 0),
      acceptedButCut,
      answeredButMissing,
      appliedButUncommitted,
      unpublishedAtStop: unmarked.length,
      publishedButUnmarked,
      ...delivery,
    });
    expect(slowestStopMs).toBeLessThan(ORDERLY_STOP_MS);
    expect(orderlyStops).toBe(ServiceNames.length);
    expect(members).toEqual(Object.fromEntries(ServiceNames.map((service) => [service, 0])));
    expect(acceptedButCut).toBe(0);
    expect(refusals.unclean).toEqual([]);
    expect(answeredButMissing).toBe(0);
    expect(appliedButUncommitted).toBe(0);
    expect(publishedButUnmarked).toBe(0);
    expect(delivery.committed).toBeGreaterThan(0);
    expect(delivery.lost).toBe(0);
    expect(delivery.appliedTwice).toBe(0);
  });
});
