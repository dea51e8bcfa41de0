import { Kafka } from 'kafkajs';
import { TopicReplicationConfig, topicReplicationFor } from './messaging-config';

export const DEFAULT_PARTITIONS = 3;
const ATTEMPTS = 5;
/** Copies of each partition on a cluster that has the brokers for it: one broker may die, then another. */
const FULL_REPLICATION = 3;

export interface TopicReplication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/**
 * The replication of a new topic on a cluster of `brokers`: min(3, brokers) copies unless configured, and a
 * write acknowledged by all in-sync replicas needs 2 of them when there are 3 (so an acknowledged event
 * survives the loss of any one broker), 1 below that.
 */
export function replicationFor(brokers: number, config: TopicReplicationConfig = {}): TopicReplication {
  const replicationFactor = config.replicationFactor ?? Math.max(1, Math.min(FULL_REPLICATION, brokers));
  const minInsyncReplicas = config.minInsyncReplicas ?? (replicationFactor >= FULL_REPLICATION ? 2 : 1);
  if (minInsyncReplicas > replicationFactor) {
    throw new Error(`min.insync.replicas ${minInsyncReplicas} cannot exceed the replication factor ${replicationFactor}: no write could ever be acknowledged`);
  }
  return { replicationFactor, minInsyncReplicas };
}

/**
 * Creates topics that do not exist yet; existing topics are left as they are. Two services (or tests)
 * creating the same topic at once, or metadata that lags a fresh topic, fail one attempt; the next sees
 * the topic and is done.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  partitions = DEFAULT_PARTITIONS,
  replication: TopicReplicationConfig = topicReplicationFor(),
): Promise<void> {
  if (topics.length === 0) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await createMissing(kafka, [...new Set(topics)], partitions, replication);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function createMissing(kafka: Kafka, topics: string[], partitions: number, config: TopicReplicationConfig): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    // The brokers the cluster lists now (KRaft lists the live ones): a pinned factor above that is refused by the broker.
    const { brokers } = await admin.describeCluster();
    const { replicationFactor, minInsyncReplicas } = replicationFor(brokers.length, config);
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor,
        configEntries: [{ name: 'min.insync.replicas', value: String(minInsyncReplicas) }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
