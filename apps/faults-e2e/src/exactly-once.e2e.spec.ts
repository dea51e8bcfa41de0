import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { deadLetterTopic, EventEnvelope, Topics } from '@aftercare/event-contracts';
import { createKafka, messagingConfigFor, replayDeadLetters } from '@aftercare/messaging';
import { eventually, EventStream, Platform, startPlatform } from '@aftercare/testing';
import { deliveryFigures, registerPartner, report, serviceDatabase, submitOrders } from './support/faults';
import { orderPlacedEvent } from './support/order-placed';

const DISPATCH = 'service-dispatch';

/**
 * Crashes at the exact moments exactly-once delivery depends on, with every service a real process: the
 * relay after publishing and before marking rows sent (scenario 2), the consumer before and after its
 * database commit (scenario 3), and a poison event (scenario 5). The crash is a failpoint: the process
 * SIGKILLs itself there (AFTERCARE_FAILPOINTS), then is started again without it.
 */
describe('exactly once through crashes', () => {
  let platform: Platform;
  let apiKey: string;
  let sales: Client;
  let dispatch: Client;
  let stream: EventStream;
  let salesTopic: Awaited<ReturnType<EventStream['record']>>;

  beforeAll(async () => {
    platform = await startPlatform('faults-once');
    apiKey = await registerPartner(platform, 'FAULTSONCE');
    sales = await serviceDatabase(platform, 'sales');
    dispatch = await serviceDatabase(platform, DISPATCH);
    stream = new EventStream(platform.env);
    salesTopic = await stream.record(Topics.sales);
  });

  afterAll(async () => {
    await stream?.close();
    await sales?.end();
    await dispatch?.end();
    await platform?.stop();
  });

  async function committedOrders(prefix: string): Promise<string[]> {
    const { rows } = await sales.query<{ id: string }>(`SELECT id FROM sales_order WHERE external_ref LIKE $1`, [`${prefix}-%`]);
    return rows.map((row) => row.id);
  }

  /** Crashes `service` at `point` while partners submit orders, starts it again, and returns the figures once settled. */
  async function crashDuringOrders(service: string, point: string, prefix: string) {
    await platform.restart(service, { AFTERCARE_FAILPOINTS: point });
    const submitted = await submitOrders(platform, apiKey, prefix, 6, 3);
    await Promise.race([
      platform.services[service]!.exited(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${service} never reached ${point}`)), 60_000)),
    ]);
    await platform.restart(service);
    const committed = await committedOrders(prefix);
    let figures = await deliveryFigures(dispatch, committed);
    await eventually(
      async () => {
        figures = await deliveryFigures(dispatch, committed);
        expect(figures.lost).toBe(0);
      },
      90_000,
      500,
    );
    return { ...figures, refusedWhileDown: submitted.refused, refusals: submitted.reasons.join(' | ') || '-' };
  }

  it('scenario 2: the relay dies after publishing and before marking sent — duplicates reach the topic, none is applied twice', async () => {
    const figures = await crashDuringOrders('sales', 'relay.after-publish', 'S2');
    const duplicates = () => {
      const placed = salesTopic
        .map((message) => JSON.parse(message.value) as EventEnvelope)
        .filter((event) => event.type === 'OrderPlaced' && (event.payload as { externalRef?: string }).externalRef?.startsWith('S2-'));
      return placed.length - new Set(placed.map((event) => event.id)).size;
    };
    // Dispatch may have applied the first copy before the restarted relay's second copy reaches the recorder.
    const duplicatesOnTopic = await eventually(async () => {
      expect(duplicates()).toBeGreaterThan(0);
      return duplicates();
    }, 30_000);
    report('relay-crash-after-publish', { ...figures, duplicatesOnTopic });
    expect(figures.committed).toBeGreaterThan(0);
    expect(duplicatesOnTopic).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
  });

  it('scenario 3a: the consumer dies after its database commit and before the offset commit — lost 0, applied twice 0', async () => {
    const figures = await crashDuringOrders(DISPATCH, 'consumer.after-commit', 'S3A');
    report('consumer-crash-after-db-commit', figures);
    expect(figures.committed).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
  });

  it('scenario 3b: the consumer dies inside its transaction, before the database commit — lost 0, applied twice 0', async () => {
    const figures = await crashDuringOrders(DISPATCH, 'consumer.before-commit', 'S3B');
    report('consumer-crash-before-db-commit', figures);
    expect(figures.committed).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
  });

  it('scenario 5: a poison event is dead-lettered after bounded retries, the partition keeps flowing, and a replay applies it once fixed', async () => {
    const deadLetters = await stream.record(deadLetterTopic(DISPATCH));
    // The "bug": dispatch cannot store this product model (a trigger refuses it), so its OrderPlaced fails every attempt.
    await dispatch.query(`CREATE FUNCTION faults_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.product_model = 'POISON-MODEL' THEN RAISE EXCEPTION 'poisoned by the fault suite'; END IF; RETURN NEW; END $$`);
    await dispatch.query(`CREATE TRIGGER faults_poison BEFORE INSERT ON work_order FOR EACH ROW EXECUTE FUNCTION faults_poison()`);

    const key = randomUUID();
    const poison = orderPlacedEvent({ key, productModel: 'POISON-MODEL' });
    // Same key, so the same partition: the event behind the poison must not wait for it forever.
    const behind = orderPlacedEvent({ key });
    await stream.publish(Topics.sales, poison, behind);

    await eventually(async () => expect((await deliveryFigures(dispatch, [behind.payload.orderId])).lost).toBe(0), 60_000, 500);
    await eventually(async () => expect(deadLetters.map((message) => JSON.parse(message.value).id)).toContain(poison.id), 60_000, 500);
    expect((await deliveryFigures(dispatch, [poison.payload.orderId])).lost).toBe(1);

    await dispatch.query(`DROP TRIGGER faults_poison ON work_order; DROP FUNCTION faults_poison()`);
    const config = messagingConfigFor('faults-replay', platform.env);
    const replay = await replayDeadLetters({ kafka: createKafka(config), config, group: DISPATCH, eventIds: [poison.id] });
    await eventually(async () => expect((await deliveryFigures(dispatch, [poison.payload.orderId])).lost).toBe(0), 60_000, 500);
    // A second replay of the same dead letter changes nothing: the inbox has it.
    await replayDeadLetters({ kafka: createKafka(config), config, group: DISPATCH, eventIds: [poison.id] });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const figures = await deliveryFigures(dispatch, [poison.payload.orderId, behind.payload.orderId]);
    report('poison-event', { deadLettered: deadLetters.length, replayed: replay.replayed, ...figures });
    expect(replay.replayed).toBe(1);
    expect(figures).toMatchObject({ lost: 0, appliedTwice: 0 });
  });
});
