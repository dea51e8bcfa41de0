import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka } from 'kafkajs';
import { createKafka, messagingConfigFor, namespaced } from '@aftercare/messaging';
import { sleep } from './faults';

/** Counts of a consumer's unapplied events by where they stand (ConsumerGroupAudit.whereUnapplied). */
export interface UnappliedEvents {
  unapplied: number;
  unpublished: number;
  notOnTopic: number;
  aheadOfCommit: number;
  behindCommit: number;
}

interface TopicEvent {
  id: string;
  partition: number;
  offset: bigint;
}

/**
 * What the broker knows about the services' consumer groups, read the way an operator would (admin API and
 * a throwaway reader), to check how consumers left: whether they said goodbye and what they committed.
 */
export class ConsumerGroupAudit {
  private readonly kafka: Kafka;
  private readonly namespace: ReturnType<typeof messagingConfigFor>;

  constructor(env: NodeJS.ProcessEnv) {
    this.namespace = messagingConfigFor('faults-audit', env);
    this.kafka = createKafka(this.namespace);
  }

  /** The broker-side id of a service's group (EventConsumer namespaces `aftercare.<service>`). */
  groupId(service: string): string {
    return namespaced(this.namespace, `aftercare.${service}`);
  }

  topic(logical: string): string {
    return namespaced(this.namespace, logical);
  }

  /**
   * Members the broker still counts per group. A consumer that left says so and is gone at once; one that
   * vanished stays a member until its session times out, and its partitions wait that long.
   */
  async members(services: readonly string[]): Promise<Record<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups(services.map((service) => this.groupId(service)));
      return Object.fromEntries(services.map((service) => [service, groups.find((group) => group.groupId === this.groupId(service))?.members.length ?? 0]));
    } finally {
      await admin.disconnect();
    }
  }

  /** How many messages the topic holds (all partitions, nothing is compacted or expired in a test). */
  async messagesOn(logicalTopic: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic(logicalTopic));
      return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Events on `topic` at or past the group's committed offsets that the consumer's inbox already holds:
   * applied but not committed, so they will be delivered again. An orderly stop commits what it applied: 0.
   */
  async appliedButUncommitted(service: string, logicalTopic: string, inbox: Client): Promise<number> {
    const topic = this.topic(logicalTopic);
    const { committed, high } = await this.offsets(service, topic);
    const beyond = (await this.eventsFrom(topic, committed, high)).map((event) => event.id);
    if (beyond.length === 0) return 0;
    const { rows } = await inbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [
      service,
      beyond,
    ]);
    return rows[0]?.n ?? 0;
  }

  /**
   * Where the events a consumer has not applied stand, for a failed scenario to say which side held them: still in
   * the producer's outbox, marked published yet absent from the topic, on the topic ahead of the group's committed
   * offset (not delivered yet), or behind it (committed past without being applied: lost for good).
   */
  async whereUnapplied(service: string, logicalTopic: string, producer: Client, consumer: Client, eventIds: string[]): Promise<UnappliedEvents> {
    const { rows: applied } = await consumer.query<{ event_id: string }>(
      `SELECT event_id FROM inbox_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
      [service, eventIds],
    );
    const appliedIds = new Set(applied.map((row) => row.event_id));
    const unapplied = eventIds.filter((id) => !appliedIds.has(id));
    const where: UnappliedEvents = { unapplied: unapplied.length, unpublished: 0, notOnTopic: 0, aheadOfCommit: 0, behindCommit: 0 };
    if (unapplied.length === 0) return where;
    const { rows: unpublished } = await producer.query<{ event_id: string }>(
      `SELECT event_id FROM outbox_event WHERE event_id = ANY($1::uuid[]) AND published_at IS NULL`,
      [unapplied],
    );
    where.unpublished = unpublished.length;
    const topic = this.topic(logicalTopic);
    const { committed, high } = await this.offsets(service, topic);
    const onTopic = new Map((await this.eventsFrom(topic, new Map(), high)).map((event) => [event.id, event]));
    const unpublishedIds = new Set(unpublished.map((row) => row.event_id));
    for (const id of unapplied.filter((id) => !unpublishedIds.has(id))) {
      const event = onTopic.get(id);
      if (!event) where.notOnTopic += 1;
      else if (event.offset < (committed.get(event.partition) ?? 0n)) where.behindCommit += 1;
      else where.aheadOfCommit += 1;
    }
    return where;
  }

  /** A group's committed offset per partition of a topic (0 where it has none) and the topic's end offsets. */
  private async offsets(service: string, topic: string): Promise<{ committed: Map<number, bigint>; high: Map<number, bigint> }> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: this.groupId(service), topics: [topic] });
      return {
        committed: new Map((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset === '-1' ? '0' : offset)])),
        high: new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high: end }) => [partition, BigInt(end)])),
      };
    } finally {
      await admin.disconnect();
    }
  }

  /** The events from each partition's `from` offset up to its end, read by a group of its own that commits nothing. */
  private async eventsFrom(topic: string, from: Map<number, bigint>, end: Map<number, bigint>): Promise<TopicEvent[]> {
    const pending = new Set([...end].filter(([partition, last]) => last > (from.get(partition) ?? 0n)).map(([partition]) => partition));
    if (pending.size === 0) return [];
    const events: TopicEvent[] = [];
    const reader = this.kafka.consumer({ groupId: `faults-audit-${randomUUID()}` });
    await reader.connect();
    try {
      await reader.subscribe({ topic, fromBeginning: true });
      await reader.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const offset = BigInt(message.offset);
          const last = end.get(partition) ?? 0n;
          if (offset >= (from.get(partition) ?? 0n) && offset < last && message.value) {
            events.push({ id: (JSON.parse(message.value.toString()) as { id: string }).id, partition, offset });
          }
          if (offset + 1n >= last) pending.delete(partition);
        },
      });
      const deadline = Date.now() + 60_000;
      while (pending.size > 0) {
        if (Date.now() > deadline) throw new Error(`could not read ${topic} to its end (partitions ${[...pending].join(',')} left)`);
        await sleep(100);
      }
      return events;
    } finally {
      await reader.disconnect();
    }
  }
}
