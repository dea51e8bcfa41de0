import { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope, isEventEnvelope } from '@aftercare/event-contracts';
import type { Logger } from '@aftercare/logging';
import { contextFromCarrier, inSpan, SpanKind, tracerFor } from '@aftercare/telemetry';
import { MessagingConfig, namespaced } from '../messaging-config';
import { ensureTopics } from '../topics-admin';
import { failpoint } from '../failpoints';
import { EventHandler } from './event-handler';

export interface EventConsumerOptions {
  dataSource: DataSource;
  kafka: Kafka;
  config: MessagingConfig;
  logger: Logger;
  /** Consumer group, usually the service name; every instance of a service shares it. */
  group: string;
  handlers: EventHandler[];
  /** Attempts per event before it is parked on the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Told about lag and dead letters (the service's metrics). */
  observer?: ConsumerObserver;
}

export interface ConsumerObserver {
  /** Messages behind the partition's high watermark after a batch. */
  lag(topic: string, partition: number, lag: number): void;
  deadLettered(eventType: string): void;
}

const RESTART_DELAY_MS = 2000;

/**
 * Applies events from Kafka exactly once in effect: each event's handler runs in a transaction that
 * also inserts the event id into the inbox, and an id already there is skipped. An event that keeps
 * failing is parked on the group's dead-letter topic so the partition moves on.
 */
export class EventConsumer {
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private consumer: Consumer | null = null;
  private deadLetters: Producer | null = null;
  private stopped = true;
  private running: Promise<void> | null = null;
  private readyResolvers: (() => void)[] = [];
  private joined = false;
  private readonly tracer;

  constructor(private readonly options: EventConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.tracer = tracerFor(options.group);
  }

  /** Starts in the background: a broker that is down at boot must not keep the service from serving. */
  start(): void {
    if (this.options.handlers.length === 0) return;
    this.stopped = false;
    this.running = this.runUntilStopped();
  }

  /** Resolves once the consumer has joined its group and received partitions. */
  ready(): Promise<void> {
    if (this.joined || this.options.handlers.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Disconnecting first makes a connect still in progress fail fast instead of finishing after stop.
    await this.consumer?.disconnect().catch(() => undefined);
    await this.running;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.deadLetters?.disconnect().catch(() => undefined);
  }

  private get groupId(): string {
    return namespaced(this.options.config, `aftercare.${this.options.group}`);
  }

  private get topics(): string[] {
    return [...new Set(this.options.handlers.map((handler) => namespaced(this.options.config, handler.event.topic)))];
  }

  private async runUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.connect();
        failures = 0;
        return;
      } catch (error) {
        failures += 1;
        if (failures === 1) this.options.logger.warn('event consumer cannot connect; will retry', { error });
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = null;
        await delay(RESTART_DELAY_MS);
      }
    }
  }

  private async connect(): Promise<void> {
    const { kafka } = this.options;
    await ensureTopics(kafka, [...this.topics, this.deadLetterTopicName]);
    const consumer = kafka.consumer({
      groupId: this.groupId,
      // Short enough that a crashed instance's partitions move (or a restarted broker's group settles) within seconds.
      sessionTimeout: 10000,
      heartbeatInterval: 3000,
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 10 },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.readyResolvers.splice(0).forEach((resolve) => resolve());
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.options.observer?.lag(payload.topic, payload.partition, Math.max(0, Number(payload.offsetLag)));
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.options.logger.warn('event consumer crashed', { error: payload.error, restart: payload.restart });
      if (!payload.restart && !this.stopped) {
        // kafkajs gave up on a non-retriable error; start over rather than silently stop consuming.
        this.consumer = null;
        this.running = delay(RESTART_DELAY_MS).then(() => this.runUntilStopped());
      }
    });
    this.consumer = consumer;
    await consumer.connect();
    if (this.stopped) return;
    // A new group starts from the beginning so events published before this service first ran are applied.
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    if (this.stopped) return;
    await consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
    this.options.logger.info('event consumer running', { group: this.groupId, topics: this.topics });
  }

  private get deadLetterTopicName(): string {
    return namespaced(this.options.config, deadLetterTopic(this.options.group));
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const envelope = parseEnvelope(message.value);
    if (!envelope) {
      await this.toDeadLetter(topic, partition, message, new Error('message is not an event envelope'));
      return;
    }
    const handlers = this.options.handlers.filter((handler) => handler.event.matches(envelope));
    if (handlers.length === 0) return;
    // A CONSUMER span, child of the relay's publish span carried in the headers: the handler's queries and the
    // events it records join the trace of the request that started it all.
    await inSpan(
      this.tracer,
      `consume ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromCarrier(message.headers as Record<string, unknown> | undefined),
        attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'aftercare.event_type': envelope.type, 'aftercare.event_id': envelope.id },
      },
      () => this.applyWithRetries(topic, partition, message, envelope, handlers),
    );
  }

  private async applyWithRetries(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    envelope: EventEnvelope,
    handlers: EventHandler[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.apply(envelope, handlers);
        return;
      } catch (error) {
        if (attempt >= this.maxAttempts) {
          await this.toDeadLetter(topic, partition, message, error as Error, envelope);
          return;
        }
        this.options.logger.warn('event handler failed; retrying', { eventId: envelope.id, type: envelope.type, attempt, error });
        await delay(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private async apply(envelope: EventEnvelope, handlers: EventHandler[]): Promise<void> {
    await this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox_event (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.group, envelope.id, envelope.type],
      );
      if (inserted.length === 0) return;
      for (const handler of handlers) await handler.handle(envelope, manager);
      failpoint('consumer.before-commit');
    });
    failpoint('consumer.after-commit');
  }

  private async toDeadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    error: Error,
    envelope?: EventEnvelope,
  ): Promise<void> {
    this.options.logger.error('event parked on dead-letter topic', { topic, partition, offset: message.offset, eventId: envelope?.id, error });
    if (!this.deadLetters) {
      this.deadLetters = this.options.kafka.producer();
      await this.deadLetters.connect();
    }
    // If this send fails the error propagates, the offset is not committed and the event is retried: never dropped.
    await this.deadLetters.send({
      topic: this.deadLetterTopicName,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            'dead-letter-reason': error.message,
            'original-topic': topic,
            'original-partition': String(partition),
            'original-offset': message.offset,
          },
        },
      ],
    });
    this.options.observer?.deadLettered(envelope?.type ?? 'unreadable');
  }
}

function parseEnvelope(value: Buffer | null): EventEnvelope | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return isEventEnvelope(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
