import { Consumer, Kafka } from 'kafkajs';
import type { EventEnvelope } from '@aftercare/event-contracts';
import { createKafka, ensureTopics, messagingConfigFor, namespaced } from '@aftercare/messaging';

/**
 * Plays another service on the real broker: publishes events into a test's namespace, or records what
 * a topic carries, so one service can be tested against its event contract alone.
 */
export class EventStream {
  private readonly kafka: Kafka;
  private readonly consumers: Consumer[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {
    this.kafka = createKafka(messagingConfigFor('aftercare-test', env));
  }

  topic(logical: string): string {
    return namespaced(messagingConfigFor('aftercare-test', this.env), logical);
  }

  async publish(topic: string, ...events: (EventEnvelope | { key: string; raw: string })[]): Promise<void> {
    await ensureTopics(this.kafka, [this.topic(topic)]);
    const producer = this.kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: this.topic(topic),
        acks: -1,
        messages: events.map((event) => ('raw' in event ? { key: event.key, value: event.raw } : { key: event.aggregateId, value: JSON.stringify(event) })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  /** Collects every message on the topic from its beginning into the returned array, as it arrives. */
  async record(topic: string): Promise<{ key: string | null; value: string; headers: Record<string, string> }[]> {
    const received: { key: string | null; value: string; headers: Record<string, string> }[] = [];
    await ensureTopics(this.kafka, [this.topic(topic)]);
    const consumer = this.kafka.consumer({ groupId: `recorder-${Math.random().toString(36).slice(2)}` });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
        });
      },
    });
    return received;
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
  }
}
