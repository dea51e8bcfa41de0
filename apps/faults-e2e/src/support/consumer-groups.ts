import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka } from 'kafkajs';
import { createKafka, messagingConfigFor, namespaced } from '@aftercare/messaging';
import { sleep } from './faults';

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
    const admin = this.kafka.admin();
    await admin.connect();
    let committed: Map<number, bigint>;
    let high: Map<number, bigint>;
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: this.groupId(service), topics: [topic] });
      committed = new Map((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset === '-1' ? '0' : offset)]));
      high = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high: end }) => [partition, BigInt(end)]));
    } finally {
      await admin.disconnect();
    }
    const beyond = await this.eventIdsFrom(topic, committed, high);
    if (beyond.length === 0) return 0;
    const { rows } = await inbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [
      service,
      beyond,
    ]);
    return rows[0]?.n ?? 0;
  }

  /** Event ids from each partition's `from` offset up to its end, read by a group of its own that commits nothing. */
  private async eventIdsFrom(topic: string, from: Map<number, bigint>, end: Map<number, bigint>): Promise<string[]> {
    const pending = new Set([...end].filter(([partition, last]) => last > (from.get(partition) ?? 0n)).map(([partition]) => partition));
    if (pending.size === 0) return [];
    const ids: string[] = [];
    const reader = this.kafka.consumer({ groupId: `faults-audit-${randomUUID()}` });
    await reader.connect();
    try {
      await reader.subscribe({ topic, fromBeginning: true });
      await reader.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const offset = BigInt(message.offset);
          const last = end.get(partition) ?? 0n;
          if (offset >= (from.get(partition) ?? 0n) && offset < last && message.value) ids.push((JSON.parse(message.value.toString()) as { id: string }).id);
          if (offset + 1n >= last) pending.delete(partition);
        },
      });
      const deadline = Date.now() + 60_000;
      while (pending.size > 0) {
        if (Date.now() > deadline) throw new Error(`could not read ${topic} to its end (partitions ${[...pending].join(',')} left)`);
        await sleep(100);
      }
      return ids;
    } finally {
      await reader.disconnect();
    }
  }
}
