import { Admin, Kafka } from 'kafkajs';
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
 * Creates topics that do not exist yet; existing topics are left as they are. Returns once every partition of
 * every topic has a leader, so a subscribe or a send right after it finds them. Two services (or tests)
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
    if (missing.length > 0) {
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
    }
    await everyPartitionLed(admin, topics);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic another process is creating right now is listed before its partitions have leaders, and a consumer
 * subscribing then is refused ("This server does not host this topic-partition"). Throws until all are led;
 * ensureTopics tries again.
 */
async function everyPartitionLed(admin: Admin, topics: string[]): Promise<void> {
  const { topics: described } = await admin.fetchTopicMetadata({ topics });
  const leaderless = described.filter((topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0));
  if (leaderless.length > 0) throw new Error(`topics without a leader for every partition yet: ${leaderless.map((topic) => topic.name).join(', ')}`);
}
