import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
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
});
