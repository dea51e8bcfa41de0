import { Kafka } from 'kafkajs';

export const DEFAULT_PARTITIONS = 3;

/** Creates topics that do not exist yet; existing topics are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: string[], partitions = DEFAULT_PARTITIONS): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
