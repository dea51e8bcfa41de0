import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { createKafka } from './kafka';
import { messagingConfigFor, topicReplicationFor } from './messaging-config';
import { ensureTopics, replicationFor } from './topics-admin';

describe('topic replication: min(3, brokers) copies, 2 in sync for an acknowledged write when there are 3', () => {
  it('follows the cluster unless configured', () => {
    expect([1, 2, 3, 5].map((brokers) => replicationFor(brokers))).toEqual([
      { replicationFactor: 1, minInsyncReplicas: 1 },
      { replicationFactor: 2, minInsyncReplicas: 1 },
      { replicationFactor: 3, minInsyncReplicas: 2 },
      { replicationFactor: 3, minInsyncReplicas: 2 },
    ]);
    // Pinned (production): a topic created while a broker is away asks for 3 copies anyway, and the broker refuses it.
    expect(replicationFor(2, topicReplicationFor({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' }))).toEqual({
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    expect(replicationFor(5, { minInsyncReplicas: 3 })).toEqual({ replicationFactor: 3, minInsyncReplicas: 3 });
  });

  it('refuses settings under which no write could be acknowledged, or that are not counts', () => {
    expect(() => replicationFor(3, { replicationFactor: 2, minInsyncReplicas: 3 })).toThrow(/cannot exceed the replication factor 2/);
    expect(() => topicReplicationFor({ KAFKA_REPLICATION_FACTOR: 'three' })).toThrow(/KAFKA_REPLICATION_FACTOR must be a whole number/);
    expect(() => topicReplicationFor({ KAFKA_MIN_INSYNC_REPLICAS: '0' })).toThrow(/KAFKA_MIN_INSYNC_REPLICAS must be a whole number/);
  });

  it('creates a missing topic on the real broker with the replication of its cluster and its min.insync.replicas', async () => {
    const kafka = createKafka(messagingConfigFor('topics-admin-test'));
    const topic = `test.topics-admin.${randomBytes(4).toString('hex')}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { brokers } = await admin.describeCluster();
      const expected = replicationFor(brokers.length);
      await ensureTopics(kafka, [topic], 2, {});
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata?.partitions.map((partition) => partition.replicas.length)).toEqual([expected.replicationFactor, expected.replicationFactor]);
      expect(metadata?.partitions.every((partition) => partition.leader >= 0)).toBe(true);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
      });
      expect(resources[0]?.configEntries.find((entry) => entry.configName === 'min.insync.replicas')?.configValue).toBe(String(expected.minInsyncReplicas));
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('tries again while a topic it finds (another caller is creating it) has a partition without a leader', async () => {
    // The broker's answers while another process creates the topic: listed at once, its leaders a moment later.
    const leaders = [
      [0, -1, 0],
      [0, 0, 0],
    ];
    const metadataCalls: string[][] = [];
    const admin = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => ['orders'],
      fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
        metadataCalls.push(topics);
        const now = leaders[Math.min(metadataCalls.length - 1, leaders.length - 1)]!;
        return { topics: [{ name: 'orders', partitions: now.map((leader, partitionId) => ({ partitionId, leader })) }] };
      },
    };
    await ensureTopics({ admin: () => admin } as unknown as Kafka, ['orders']);
    expect(metadataCalls).toEqual([['orders'], ['orders']]);

    const neverLed = { ...admin, fetchTopicMetadata: async () => ({ topics: [{ name: 'orders', partitions: [{ partitionId: 0, leader: -1 }] }] }) };
    await expect(ensureTopics({ admin: () => neverLed } as unknown as Kafka, ['orders'])).rejects.toThrow(/without a leader for every partition yet: orders/);
  });
});
