import { Kafka } from 'kafkajs';
import { deadLetterTopic } from '@aftercare/event-contracts';
import { MessagingConfig, namespaced } from '../messaging-config';

export interface ReplayOptions {
  kafka: Kafka;
  config: MessagingConfig;
  /** The consumer group (service name) whose dead letters are replayed. */
  group: string;
  /** Only these event ids; all dead letters when absent. */
  eventIds?: string[];
}

export interface ReplayResult {
  /** Dead letters read from the topic. */
  read: number;
  /** Sent back to their original topic. */
  replayed: number;
}

/**
 * Sends dead letters back to the topic they came from, once their cause is fixed. The consumer's inbox makes
 * a replay harmless for an event that did take effect meanwhile; a replayed event that still fails is parked
 * again. Reads the dead-letter topic from its beginning to its current end, then stops.
 *
 *   node tools/run-ts.js libs/messaging/src/dead-letters/replay-cli.ts service-dispatch [eventId …]
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const { kafka, config } = options;
  const topic = namespaced(config, deadLetterTopic(options.group));
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, Number(end.high)]));
  const result: ReplayResult = { read: 0, replayed: 0 };
  if (remaining.size === 0) return result;

  const wanted = options.eventIds ? new Set(options.eventIds) : null;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: namespaced(config, `aftercare.dead-letter-replay.${options.group}.${Date.now()}`) });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            result.read += 1;
            const originalTopic = message.headers?.['original-topic']?.toString();
            const eventId = eventIdOf(message.value);
            if (originalTopic && (!wanted || (eventId && wanted.has(eventId)))) {
              await producer.send({
                topic: originalTopic,
                acks: -1,
                messages: [{ key: message.key, value: message.value, headers: { 'replayed-from': `${topic}/${partition}/${message.offset}` } }],
              });
              result.replayed += 1;
            }
            if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
  return result;
}

function eventIdOf(value: Buffer | null): string | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { id?: unknown }).id === 'string' ? (parsed as { id: string }).id : undefined;
  } catch {
    return undefined;
  }
}
