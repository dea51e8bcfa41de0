import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope, isEventEnvelope } from '@aftercare/event-contracts';
import type { Logger } from '@aftercare/logging';
import { isDatabaseUnavailable } from '@aftercare/persistence';
import { contextFromCarrier, inSpan, SpanKind, tracerFor } from '@aftercare/telemetry';
import { MessagingConfig, namespaced } from '../messaging-config';
import { DEFAULT_PARTITIONS, ensureTopics } from '../topics-admin';
import { failpoint } from '../failpoints';
import { withOneOutboxInsert } from '../outbox/outbox';
import { EventHandler } from './event-handler';
import { OffsetCommits } from './offset-commits';

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
  /**
   * An event this consumer applied: the producer's relay sent it at `sentAt` (its Kafka timestamp), a fetch brought
   * it at `fetchedAt`, and the transaction applying it committed at `appliedAt` (all ms). Not called for an event the
   * inbox skipped (seen before).
   */
  applied?(event: EventEnvelope, times: { sentAt: number; fetchedAt: number; appliedAt: number }): void;
}

const RESTART_DELAY_MS = 2000;
/** As many as a topic has partitions (topics-admin). */
const PARTITIONS_APPLIED_AT_ONCE = DEFAULT_PARTITIONS;
/** The longest wait between two tries while the database is away: how soon after it is back events flow again. */
const MAX_OUTAGE_WAIT_MS = 2000;
/** Events of one partition applied in one transaction at most: a heartbeat and a committed offset in between. */
const EVENTS_PER_TRANSACTION = 100;
/**
 * How long a batch waits for a row another transaction holds before it gives up and goes one event at a time.
 * Batches of different partitions touch keys in different orders (a customer's card from one partition, its order
 * from another) and can deadlock; PostgreSQL would break that only after deadlock_timeout (1 s), a second on every
 * event of both batches. One instance applies one batch at a time, so this is for batches of two instances.
 */
const BATCH_LOCK_TIMEOUT = '50ms';

/**
 * Applies events from Kafka exactly once in effect: each event's handler runs in a transaction that
 * also inserts the event id into the inbox, and an id already there is skipped. An event that keeps
 * failing is parked on the group's dead-letter topic so the partition moves on.
 *
 * The events a fetch brought for one partition are applied in ONE transaction (one inbox insert for all, their
 * handlers in order): under load the transaction control and the inbox cost a round trip per batch, not three per
 * event. A batch that fails is rolled back and applied again an event at a time, each with its own attempts and
 * its own dead letter, so one poison event never holds back or parks its neighbours.
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
  /** Waits that end early when the consumer stops (an event held back by a database outage). */
  private readonly onStop = new Set<() => void>();
  private readonly tracer;
  /** The batch transaction in progress: the next waits for it (partitions still fetch and apply alone side by side). */
  private batchInProgress: Promise<unknown> = Promise.resolve();
  private readonly commits: OffsetCommits;

  constructor(private readonly options: EventConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.tracer = tracerFor(options.group);
    this.commits = new OffsetCommits(options.config.commitIntervalMs, options.logger);
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
    this.onStop.forEach((wake) => wake());
    await this.commits.flush();
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
      // A fetch is answered at the first event (kafkajs' minBytes is 1); an empty one after idleWaitMs.
      maxWaitTimeInMs: this.options.config.fetch.idleWaitMs,
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
    // Partitions apply side by side, each in order: an aggregate's events share a partition (its key), so their order
    // holds, and a burst on one partition no longer queues every other partition behind it. Several instances do the
    // same, so a handler that folds several aggregates into one row (a customer's value index from many work orders)
    // serialises on that row itself, with a lock taken before it reads.
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS_APPLIED_AT_ONCE,
      eachBatchAutoResolve: false,
      // OffsetCommits commits what was applied, once per interval rather than after every batch.
      autoCommit: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.options.logger.info('event consumer running', { group: this.groupId, topics: this.topics });
  }

  private get deadLetterTopicName(): string {
    return namespaced(this.options.config, deadLetterTopic(this.options.group));
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    await this.applyBatch(payload, Date.now());
    await this.commits.applied(payload);
    // The batch in flight when the consumer stops: what it applied is committed before the consumer leaves the group.
    if (this.stopped) return this.commits.flush();
    // kafkajs fetches again once every batch of the last fetch is done: holding each batch back for a moment after
    // it is applied lets the next fetch carry what arrived meanwhile (under load, one fetch and one transaction per
    // partition for many events, as a broker-side wait would give, without an idle consumer asking that often).
    // A stop cuts the wait short.
    if (payload.batch.messages.length > 0 && this.options.config.fetch.gatherMs > 0) await this.pause(this.options.config.fetch.gatherMs);
  }

  private async applyBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, fetchedAt: number): Promise<void> {
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += EVENTS_PER_TRANSACTION) {
      if (!isRunning() || isStale()) return;
      const messages = batch.messages.slice(start, start + EVENTS_PER_TRANSACTION);
      if (await this.appliedTogether(topic, messages, fetchedAt)) {
        resolveOffset(messages[messages.length - 1]!.offset);
        await heartbeat();
        continue;
      }
      // One at a time, each with its retries: the group hears from this member after every event, so a slow
      // chunk (a poison event's backoff, 100 times over) never looks like a dead member.
      for (const message of messages) {
        if (!isRunning() || isStale()) return;
        await this.onMessage(topic, partition, message, heartbeat, fetchedAt);
        resolveOffset(message.offset);
        await heartbeat();
      }
    }
  }

  /**
   * Applies the messages in one transaction; false when that is not to be tried (a message that is no event) or did
   * not commit (a handler failed, the database went away), and they are to be applied one at a time instead.
   */
  private async appliedTogether(topic: string, messages: KafkaMessage[], fetchedAt: number): Promise<boolean> {
    if (messages.length < 2) return false;
    const events: { message: KafkaMessage; envelope: EventEnvelope; handlers: EventHandler[] }[] = [];
    for (const message of messages) {
      const envelope = parseEnvelope(message.value);
      if (!envelope) return false;
      const handlers = this.options.handlers.filter((handler) => handler.event.matches(envelope));
      if (handlers.length > 0) events.push({ message, envelope, handlers });
    }
    if (events.length === 0) return true;
    const applied: { message: KafkaMessage; envelope: EventEnvelope }[] = [];
    const previous = this.batchInProgress;
    let done!: () => void;
    this.batchInProgress = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      await this.options.dataSource.transaction(async (manager) => {
        // The batch's lock timeout is set by its first statement, the inbox insert (set_config(…, true) is SET LOCAL).
        const fresh = new Set(
          (
            (await manager.query(
              `INSERT INTO inbox_event (consumer, event_id, event_type)
               SELECT $1, event.id, event.type FROM set_config('lock_timeout', $4, true), unnest($2::uuid[], $3::text[]) AS event (id, type)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.options.group, events.map(({ envelope }) => envelope.id), events.map(({ envelope }) => envelope.type), BATCH_LOCK_TIMEOUT],
            )) as { event_id: string }[]
          ).map((row) => row.event_id),
        );
        // What the handlers announce goes into the outbox in one insert for the batch.
        await withOneOutboxInsert(manager, async () => {
          for (const { message, envelope, handlers } of events) {
            // A redelivery inside the batch is in the inbox once: applied the first time only.
            if (!fresh.delete(envelope.id)) continue;
            applied.push({ message, envelope });
            await this.inConsumeSpan(topic, message, envelope, async () => {
              for (const handler of handlers) await handler.handle(envelope, manager);
            });
          }
        });
        failpoint('consumer.before-commit');
      });
    } catch (error) {
      if (this.stopped) throw error;
      this.options.logger.debug('batch rolled back; applying its events one at a time', { topic, events: events.length, error });
      return false;
    } finally {
      done();
    }
    failpoint('consumer.after-commit');
    this.observeApplied(applied, fetchedAt);
    return true;
  }

  private observeApplied(applied: { message: KafkaMessage; envelope: EventEnvelope }[], fetchedAt: number): void {
    if (!this.options.observer?.applied || applied.length === 0) return;
    const appliedAt = Date.now();
    for (const { message, envelope } of applied) {
      this.options.observer.applied(envelope, { sentAt: Number(message.timestamp), fetchedAt, appliedAt });
    }
  }

  /**
   * A CONSUMER span, child of the relay's publish span carried in the headers: the handler's queries and the
   * events it records join the trace of the request that started it all.
   */
  private inConsumeSpan<T>(topic: string, message: KafkaMessage, envelope: EventEnvelope, apply: () => Promise<T>): Promise<T> {
    return inSpan(
      this.tracer,
      `consume ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromCarrier(message.headers as Record<string, unknown> | undefined),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'aftercare.event_type': envelope.type,
          'aftercare.event_id': envelope.id,
        },
      },
      apply,
    );
  }

  private async onMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>, fetchedAt: number): Promise<void> {
    const envelope = parseEnvelope(message.value);
    if (!envelope) {
      await this.toDeadLetter(topic, partition, message, new Error('message is not an event envelope'));
      return;
    }
    const handlers = this.options.handlers.filter((handler) => handler.event.matches(envelope));
    if (handlers.length === 0) return;
    const applied = await this.inConsumeSpan(topic, message, envelope, () => this.applyWithRetries(topic, partition, message, envelope, handlers, heartbeat));
    if (applied) this.observeApplied([{ message, envelope }], fetchedAt);
  }

  private async applyWithRetries(
    topic: string,
    partition: number,
    message: KafkaMessage,
    envelope: EventEnvelope,
    handlers: EventHandler[],
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    let outageWaits = 0;
    for (let attempt = 1; ;) {
      try {
        const applied = await this.apply(envelope, handlers);
        if (outageWaits > 0) this.options.logger.info('database back; event applied', { eventId: envelope.id, outageWaits });
        return applied;
      } catch (error) {
        // Shutting down: no more tries and no dead letter; the offset stays uncommitted and whoever owns the
        // partition next applies the event.
        if (this.stopped) throw error;
        if (isDatabaseUnavailable(error)) {
          // The event is fine; the database is away (a restart, a failover). Counting this as a failed attempt
          // would dead-letter healthy events during every outage, so the partition waits for the database instead.
          outageWaits += 1;
          if (outageWaits === 1) this.options.logger.warn('database unavailable; holding the event until it is back', { eventId: envelope.id, error });
          await this.pause(Math.min(MAX_OUTAGE_WAIT_MS, this.retryDelayMs * 2 ** Math.min(outageWaits, 5)));
          // Still alive, still the partition's owner: a long outage must not look like a dead member to the group.
          await heartbeat();
          continue;
        }
        if (attempt >= this.maxAttempts) {
          await this.toDeadLetter(topic, partition, message, error as Error, envelope);
          return false;
        }
        this.options.logger.warn('event handler failed; retrying', { eventId: envelope.id, type: envelope.type, attempt, error });
        await this.pause(this.retryDelayMs * 2 ** (attempt - 1));
        attempt += 1;
      }
    }
  }

  /** A delay that a stop cuts short, so shutting down never waits out a backoff. */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.onStop.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.onStop.add(done);
    });
  }

  /** True when the event was applied now, false when the inbox had it already. */
  private async apply(envelope: EventEnvelope, handlers: EventHandler[]): Promise<boolean> {
    const applied = await this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox_event (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.group, envelope.id, envelope.type],
      );
      if (inserted.length === 0) return false;
      for (const handler of handlers) await handler.handle(envelope, manager);
      failpoint('consumer.before-commit');
      return true;
    });
    failpoint('consumer.after-commit');
    return applied;
  }

  private async toDeadLetter(topic: string, partition: number, message: KafkaMessage, error: Error, envelope?: EventEnvelope): Promise<void> {
    this.options.logger.error('event parked on dead-letter topic', { topic, partition, offset: message.offset, eventId: envelope?.id, error });
    if (!this.deadLetters) {
      // Like the relay's: a retried send after a broker failover must not park the event twice.
      this.deadLetters = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
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
