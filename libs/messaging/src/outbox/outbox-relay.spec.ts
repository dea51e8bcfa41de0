import { Consumer } from 'kafkajs';
import { onEveryStatement } from '@aftercare/persistence';
import { namespaced } from '../messaging-config';
import { ensureTopics } from '../topics-admin';
import { messagingTestbed, MessagingTestbed, Noted } from '../messaging.spec-support';
import { Outbox, OUTBOX_CHANNEL } from './outbox';
import { OutboxRelay } from './outbox-relay';

describe('Outbox and OutboxRelay (real Kafka and PostgreSQL)', () => {
  let bed: MessagingTestbed;
  let relay: OutboxRelay;
  let reader: Consumer;
  const received: { key: string; n: number }[] = [];
  const outbox = new Outbox();
  /** The relay's statements: reading the outbox and marking it published. */
  let relayStatements = 0;
  /** What the relay told its observer of each event Kafka acknowledged. */
  const published: { eventType: string; recordedAt: number; ackedAt: number }[] = [];

  beforeAll(async () => {
    bed = await messagingTestbed('relay');
    onEveryStatement(bed.dataSource, (sql) => {
      if (/FROM outbox_event\s+WHERE published_at IS NULL|^UPDATE outbox_event/.test(sql.trim())) relayStatements += 1;
    });
    relay = new OutboxRelay({
      dataSource: bed.dataSource,
      kafka: bed.kafka,
      config: bed.config,
      logger: bed.logger,
      topics: [Noted.topic],
      batchSize: 7,
      observer: { published: (eventType, recordedAt, ackedAt) => published.push({ eventType, recordedAt: recordedAt.getTime(), ackedAt }) },
    });
    await relay.start();
    await ensureTopics(bed.kafka, [namespaced(bed.config, Noted.topic)]);
    reader = bed.kafka.consumer({ groupId: namespaced(bed.config, 'reader') });
    await reader.connect();
    await reader.subscribe({ topic: namespaced(bed.config, Noted.topic), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        received.push({ key: message.key!.toString(), n: JSON.parse(message.value!.toString()).payload.n });
      },
    });
  });

  afterAll(async () => {
    await reader?.disconnect();
    await relay?.stop();
    await bed?.close();
  });

  it('publishes committed events in commit order per aggregate, across batches, and marks them published', async () => {
    for (let n = 0; n < 30; n++) {
      await bed.dataSource.transaction((manager) => outbox.record(manager, Noted.create(n % 2 ? 'odd' : 'even', { n })));
    }
    const deadline = Date.now() + 30000;
    while (received.length < 30 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

    const orderOf = (key: string) => received.filter((message) => message.key === key).map((message) => message.n);
    expect(orderOf('even')).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28]);
    expect(orderOf('odd')).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29]);
    const [{ pending }] = await bed.dataSource.query('SELECT count(*)::int AS pending FROM outbox_event WHERE published_at IS NULL');
    expect(pending).toBe(0);
    // Its observer heard of each once, from its recording transaction's start to Kafka's acknowledgement.
    const recorded = await bed.dataSource.query(`SELECT (extract(epoch FROM created_at) * 1000)::float8 AS at FROM outbox_event ORDER BY sequence`);
    expect(published.map((entry) => entry.eventType)).toEqual(Array.from({ length: 30 }, () => 'Noted'));
    expect(published.map((entry) => entry.recordedAt)).toEqual(recorded.map((row: { at: number }) => Math.floor(row.at)));
    expect(published.every((entry) => entry.ackedAt >= entry.recordedAt)).toBe(true);
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const before = received.length;
    await expect(
      bed.dataSource.transaction(async (manager) => {
        await outbox.record(manager, Noted.create('rolled-back', { n: 99 }));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await bed.dataSource.transaction((manager) => outbox.record(manager, Noted.create('after', { n: 100 })));
    const deadline = Date.now() + 15000;
    while (!received.some((message) => message.n === 100) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.slice(before).map((message) => message.n)).toEqual([100]);
  });

  it('takes up LISTEN again by itself when the server ends its listening session (a database restart)', async () => {
    const listeners = async (): Promise<number[]> =>
      (
        await bed.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`, [
          `LISTEN ${OUTBOX_CHANNEL}`,
        ])
      ).map((row: { pid: number }) => row.pid);
    const [lost] = await listeners();
    expect(lost).toBeDefined();
    await bed.dataSource.query('SELECT pg_terminate_backend($1)', [lost]);

    // Polling still publishes meanwhile; the next successful round listens again.
    await bed.dataSource.transaction((manager) => outbox.record(manager, Noted.create('after-restart', { n: 200 })));
    const deadline = Date.now() + 15000;
    let again: number[] = [];
    while ((again.length === 0 || !received.some((message) => message.n === 200)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await listeners();
    }
    expect(received.some((message) => message.n === 200)).toBe(true);
    expect(again).toHaveLength(1);
    expect(again).not.toContain(lost);
  });

  it('publishes a burst of commits in a few rounds of two statements each, not a round per commit', async () => {
    const before = received.length;
    const statementsBefore = relayStatements;
    // Forty commits at once, as concurrent requests make them: one after another, each waiting for the last, they
    // would be spread over more windows than there are commits on a loaded machine, and measure that machine.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => bed.dataSource.transaction((manager) => outbox.record(manager, Noted.create('burst', { n: 300 + i })))),
    );
    const deadline = Date.now() + 15000;
    while (received.length < before + 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    expect(
      received
        .slice(before)
        .map((message) => message.n)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 40 }, (_, i) => 300 + i));
    // A round per commit would be 80 statements; the batch window gathers the commits of 20 ms into one round.
    expect(relayStatements - statementsBefore).toBeLessThan(40);
  });
});
