import { deadLetterTopic } from '@aftercare/event-contracts';
import { Admin, Consumer, KafkaMessage } from 'kafkajs';
import { onEveryStatement } from '@aftercare/persistence';
import { ensureTopics } from '../topics-admin';
import { namespaced } from '../messaging-config';
import { messagingTestbed, MessagingTestbed, Noted } from '../messaging.spec-support';
import { Outbox } from '../outbox/outbox';
import { EventConsumer } from './event-consumer';
import { on } from './event-handler';

async function until(check: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Notes from this number on meet a database outage first (the other tests note numbers below it). */
const OUTAGE = 100;
const SESSIONS_LOST = 5;
/** Notes from this number up to OUTAGE take a lock first. */
const LOCKED = 90;
const LOCK_KEY = 4242;
/** Notes from this number on, 60 of them, each record an event of their own. */
const BURST = 10;
/** Notes from this number on, six of them, are sent one at a time for a consumer that gathers. */
const TRICKLE = 70;
/** Notes from this number on, four of them, are read by consumers that commit at different intervals. */
const COMMITS = 80;
const outbox = new Outbox();

describe('EventConsumer (real Kafka and PostgreSQL)', () => {
  let bed: MessagingTestbed;
  let consumer: EventConsumer;
  let deadLetterReader: Consumer;
  /** Statements the consumer's data source has sent since the start. */
  let statements = 0;
  const deadLetters: KafkaMessage[] = [];
  const attempts = new Map<number, number>();
  /** What the consumer told its observer of each event it applied. */
  const observed: { n: number; sentAt: number; fetchedAt: number; appliedAt: number }[] = [];
  const observedOf = (n: number) => observed.filter((entry) => entry.n === n);

  const notedValues = async () => (await bed.dataSource.query('SELECT n FROM noted ORDER BY n')).map((row: { n: number }) => row.n);

  beforeAll(async () => {
    bed = await messagingTestbed('consumer');
    onEveryStatement(bed.dataSource, () => (statements += 1));
    consumer = new EventConsumer({
      dataSource: bed.dataSource,
      kafka: bed.kafka,
      config: bed.config,
      logger: bed.logger,
      group: 'notes',
      maxAttempts: 3,
      retryDelayMs: 20,
      observer: {
        lag: () => undefined,
        deadLettered: () => undefined,
        applied: (event, times) => observed.push({ n: (event.payload as { n: number }).n, ...times }),
      },
      handlers: [
        on(Noted, async (event, manager) => {
          const attempt = (attempts.get(event.payload.n) ?? 0) + 1;
          attempts.set(event.payload.n, attempt);
          if (event.payload.n < 0) throw new Error(`cannot note ${event.payload.n}`);
          // The database goes away under the transaction (the server ends the session, as a restart does), more
          // times in a row than the attempts poison gets.
          if (event.payload.n >= OUTAGE && attempt <= SESSIONS_LOST) await manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
          // Notes in the nineties wait for a lock the test may hold from outside.
          if (event.payload.n >= LOCKED && event.payload.n < OUTAGE) await manager.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
          await manager.query('INSERT INTO noted (n) VALUES ($1)', [event.payload.n]);
          // Notes of the burst announce themselves, as a handler that changes state does.
          if (event.payload.n >= BURST && event.payload.n < BURST + 60) await outbox.record(manager, Noted.create('echo', { n: event.payload.n }));
        }),
      ],
    });
    consumer.start();
    await consumer.ready();

    const deadLetterTopicName = namespaced(bed.config, deadLetterTopic('notes'));
    await ensureTopics(bed.kafka, [deadLetterTopicName]);
    deadLetterReader = bed.kafka.consumer({ groupId: `${deadLetterTopicName}.reader` });
    await deadLetterReader.connect();
    await deadLetterReader.subscribe({ topic: deadLetterTopicName, fromBeginning: true });
    await deadLetterReader.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
  });

  afterAll(async () => {
    await deadLetterReader?.disconnect();
    await consumer?.stop();
    await bed?.close();
  });

  async function publish(...values: (string | ReturnType<typeof Noted.create>)[]): Promise<void> {
    const producer = bed.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: namespaced(bed.config, Noted.topic),
      // One key: one partition, so the order of arrival is the order sent.
      messages: values.map((value) => ({ key: 'note', value: typeof value === 'string' ? value : JSON.stringify(value) })),
    });
    await producer.disconnect();
  }

  it('applies an event once however often it is delivered', async () => {
    const event = Noted.create('note', { n: 1 });
    await publish(event, event, event);
    await until(async () => (await notedValues()).includes(1));
    await publish(Noted.create('note', { n: 2 }));
    await until(async () => (await notedValues()).includes(2));
    expect(await notedValues()).toEqual([1, 2]);
    expect(attempts.get(1)).toBe(1);
    // Its observer hears of each applied once, not of the copies the inbox skipped: sent, then fetched, then committed.
    for (const n of [1, 2]) {
      expect(observedOf(n)).toHaveLength(1);
      const [{ sentAt, fetchedAt, appliedAt }] = observedOf(n) as [(typeof observed)[number]];
      expect(sentAt).toBeGreaterThan(Date.now() - 60_000);
      expect(fetchedAt).toBeGreaterThanOrEqual(sentAt);
      expect(appliedAt).toBeGreaterThanOrEqual(fetchedAt);
    }
  });

  it('parks poison on the dead-letter topic after bounded retries and keeps the partition moving', async () => {
    const failing = Noted.create('note', { n: -1 });
    await publish('{not json', failing, Noted.create('note', { n: 3 }));
    await until(async () => (await notedValues()).includes(3));
    await until(async () => deadLetters.length >= 2);

    expect(attempts.get(-1)).toBe(3);
    const reasons = deadLetters.map((message) => message.headers?.['dead-letter-reason']?.toString());
    expect(reasons).toEqual(['message is not an event envelope', 'cannot note -1']);
    expect(deadLetters[1]!.value!.toString()).toBe(JSON.stringify(failing));
    const [{ n }] = await bed.dataSource.query('SELECT count(*)::int AS n FROM inbox_event WHERE event_id = $1', [failing.id]);
    expect(n).toBe(0);
  });

  it('waits out a database outage without spending attempts: applied once it is back, never dead-lettered', async () => {
    const deadLettersBefore = deadLetters.length;
    await publish(Noted.create('note', { n: OUTAGE }), Noted.create('note', { n: OUTAGE + 1 }));
    await until(async () => (await notedValues()).includes(OUTAGE + 1));

    expect(attempts.get(OUTAGE)).toBe(SESSIONS_LOST + 1);
    expect((await notedValues()).filter((n: number) => n >= OUTAGE)).toEqual([OUTAGE, OUTAGE + 1]);
    // Give a wrongly parked event the time to show up on the dead-letter topic.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(deadLetters.length).toBe(deadLettersBefore);
  });

  it('applies a burst on one partition in one transaction per fetch: a round trip per event, not five', async () => {
    const burst = Array.from({ length: 60 }, (_, i) => Noted.create('note', { n: BURST + i }));
    const before = statements;
    await publish(...burst, burst[0]!);
    await until(async () => (await notedValues()).includes(BURST + 59));

    expect((await notedValues()).filter((n: number) => n >= BURST && n < BURST + 60)).toEqual(burst.map((event) => event.payload.n));
    expect(attempts.get(BURST)).toBe(1);
    // What the handlers announced is in the outbox once each, in the order they were applied.
    const echoes = await bed.dataSource.query(`SELECT envelope->'payload'->>'n' AS n FROM outbox_event WHERE message_key = 'echo' ORDER BY sequence`);
    expect(echoes.map((row: { n: string }) => Number(row.n))).toEqual(burst.map((event) => event.payload.n));
    // 60 handler inserts plus BEGIN, the inbox insert, the one outbox insert and COMMIT per transaction; one at a
    // time it would be 300.
    expect(statements - before).toBeLessThanOrEqual(60 + 4 * 4);
  });

  it('rolls a batch back for one poison event, then applies its neighbours alone and parks only the poison', async () => {
    const deadLettersBefore = deadLetters.length;
    const poison = Noted.create('note', { n: -2 });
    await publish(Noted.create('note', { n: 80 }), poison, Noted.create('note', { n: 81 }));
    await until(async () => (await notedValues()).includes(81));
    await until(async () => deadLetters.length > deadLettersBefore);

    expect((await notedValues()).filter((n: number) => n >= 80 && n < 90)).toEqual([80, 81]);
    // Applied one at a time after the batch rolled back: each observed once; the poison, parked, never.
    expect([observedOf(80).length, observedOf(81).length, observedOf(-2).length]).toEqual([1, 1, 0]);
    expect(deadLetters.slice(deadLettersBefore).map((message) => message.value!.toString())).toEqual([JSON.stringify(poison)]);
    // Its own three attempts once alone, after the batch it rolled back (the first may have gone alone).
    expect(attempts.get(-2)).toBeGreaterThanOrEqual(3);
    expect(attempts.get(-2)).toBeLessThanOrEqual(4);
  });

  it("gives up a batch that waits on another transaction's lock, and applies its events one at a time once it is free", async () => {
    const holder = await bed.dataSource.createQueryRunner();
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await publish(Noted.create('note', { n: LOCKED }), Noted.create('note', { n: LOCKED + 1 }));
      // The batch met the lock, timed out and rolled back; alone, the first event now waits for the lock.
      await until(async () => (attempts.get(LOCKED) ?? 0) >= 2, 10000);
      expect(await notedValues()).not.toContain(LOCKED);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      await holder.release();
    }
    await until(async () => (await notedValues()).includes(LOCKED + 1));
    expect((await notedValues()).filter((n: number) => n >= LOCKED && n < OUTAGE)).toEqual([LOCKED, LOCKED + 1]);
    expect(attempts.get(LOCKED)).toBe(2);
  });

  it('applies the first event after a quiet spell at once, then gathers what trickles in meanwhile into one transaction', async () => {
    // A second group over the same topic, gathering for a whole second after a fetch that brought events.
    const transactions = new Map<number, unknown>();
    const gathering = new EventConsumer({
      dataSource: bed.dataSource,
      kafka: bed.kafka,
      config: { ...bed.config, fetch: { gatherMs: 1000, idleWaitMs: 5000 } },
      logger: bed.logger,
      group: 'gathered-notes',
      handlers: [on(Noted, async (event, manager) => void transactions.set(event.payload.n, manager))],
    });
    gathering.start();
    await gathering.ready();
    const producer = bed.kafka.producer();
    await producer.connect();
    try {
      const send = (n: number) =>
        producer.send({ topic: namespaced(bed.config, Noted.topic), messages: [{ key: 'note', value: JSON.stringify(Noted.create('note', { n })) }] });
      // Far below the idle wait: the broker answered the fetch at the event, not after five seconds.
      const sentAt = Date.now();
      await send(TRICKLE);
      await until(async () => transactions.has(TRICKLE), 4000);
      expect(Date.now() - sentAt).toBeLessThan(4000);
      // Five sends, each acknowledged before the next: without the gathering they would mostly come in fetches of their own.
      for (let n = TRICKLE + 1; n <= TRICKLE + 5; n++) await send(n);
      await until(async () => transactions.has(TRICKLE + 5));
      const trickled = [1, 2, 3, 4, 5].map((i) => transactions.get(TRICKLE + i));
      expect(new Set(trickled).size).toBe(1);
      expect(trickled[0]).not.toBe(transactions.get(TRICKLE));
    } finally {
      await producer.disconnect();
      await gathering.stop();
    }
  });

  it('commits what it applied once per interval, not after every batch, and everything when it stops', async () => {
    const topic = namespaced(bed.config, Noted.topic);
    const withAdmin = async <T>(read: (admin: Admin) => Promise<T>): Promise<T> => {
      const admin = bed.kafka.admin();
      await admin.connect();
      try {
        return await read(admin);
      } finally {
        await admin.disconnect();
      }
    };
    const committedOf = (group: string) =>
      withAdmin(async (admin) => {
        const [offsets] = await admin.fetchOffsets({ groupId: namespaced(bed.config, `aftercare.${group}`), topics: [topic] });
        return Object.fromEntries((offsets?.partitions ?? []).filter(({ offset }) => offset !== '-1').map(({ partition, offset }) => [partition, offset]));
      });
    const ends = () =>
      withAdmin(async (admin) =>
        Object.fromEntries((await admin.fetchTopicOffsets(topic)).filter(({ high }) => high !== '0').map(({ partition, high }) => [partition, high])),
      );
    const applied = new Set<string>();
    const consumerWith = (group: string, commitIntervalMs: number) =>
      new EventConsumer({
        dataSource: bed.dataSource,
        kafka: bed.kafka,
        config: { ...bed.config, fetch: { gatherMs: 0, idleWaitMs: 200 }, commitIntervalMs },
        logger: bed.logger,
        group,
        handlers: [on(Noted, async (event) => void applied.add(`${group}:${event.payload.n}`))],
      });
    await publish(Noted.create('note', { n: COMMITS }));
    const [seldom, often] = [consumerWith('seldom-committed-notes', 60_000), consumerWith('often-committed-notes', 200)];
    try {
      for (const consumer of [seldom, often]) {
        consumer.start();
        await consumer.ready();
      }
      // Events in batches of their own: each batch applied, none committed by the consumer that commits once a minute.
      for (let n = COMMITS + 1; n <= COMMITS + 3; n++) {
        await publish(Noted.create('note', { n }));
        await until(async () => applied.has(`seldom-committed-notes:${n}`) && applied.has(`often-committed-notes:${n}`));
      }
      const end = await ends();
      expect(await committedOf('seldom-committed-notes')).toEqual({});
      await until(async () => JSON.stringify(await committedOf('often-committed-notes')) === JSON.stringify(end), 5000);
      await seldom.stop();
      expect(await committedOf('seldom-committed-notes')).toEqual(end);
    } finally {
      await Promise.all([seldom.stop(), often.stop()]);
    }
  });
});
