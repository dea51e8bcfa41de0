import { Kafka } from 'kafkajs';

export const DEFAULT_PARTITIONS = 3;
const ATTEMPTS = 5;

/**
 * Creates topics that do not exist yet; existing topics are left as they are. Two services (or tests)
 * creating the same topic at once, or metadata that lags a fresh topic, fail one attempt; the next sees
 * the topic and is done.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], partitions = DEFAULT_PARTITIONS): Promise<void> {
  if (topics.length === 0) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await createMissing(kafka, [...new Set(topics)], partitions);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function createMissing(kafka: Kafka, topics: string[], partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
