import { Kafka, KafkaJSError, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from '@aftercare/logging';
import { isDatabaseUnavailable } from '@aftercare/persistence';
import { contextFromCarrier, currentTraceCarrier, SpanKind, SpanStatusCode, tracerFor } from '@aftercare/telemetry';
import { trace, Tracer } from '@opentelemetry/api';
import { ensureTopics } from '../topics-admin';
import { failpoint } from '../failpoints';
import { MessagingConfig, namespaced } from '../messaging-config';
import { OUTBOX_CHANNEL } from './outbox';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  config: MessagingConfig;
  logger: Logger;
  /** Topics this service publishes to, created up front so the first event does not wait on auto-creation. */
  topics: string[];
  batchSize?: number;
  /** Safety net beside LISTEN/NOTIFY: rows are looked for at least this often. */
  pollIntervalMs?: number;
  /** Published rows are kept this long for inspection, then purged. */
  retentionHours?: number;
}

interface PendingRow {
  sequence: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: unknown;
  trace_context: Record<string, string> | null;
}

/** Any constant works; it only has to be the same for every instance of one service. */
const RELAY_LOCK_KEY = 0x0a7e_ca4e;
const MAX_BACKOFF_MS = 5000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Publishes committed outbox rows to Kafka in commit order, then marks them published.
 * One relay per service publishes at a time (advisory lock), so an aggregate's events never overtake
 * each other even with several instances running. A broker outage only delays publication.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionHours: number;
  private producer: Producer | null = null;
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = true;
  private failures = 0;
  private lastPurge = 0;
  private readonly tracer: Tracer;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionHours = options.retentionHours ?? 72;
    this.tracer = tracerFor(options.config.clientId);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.listener = null;
    this.producer = null;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or the broker refused. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.wake().then(() => this.schedule(this.nextDelay()));
    }, delayMs);
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.pollIntervalMs;
    return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 5));
  }

  private async listen(): Promise<void> {
    const { options } = this.options.dataSource;
    const listener = new Client({ connectionString: (options as { url?: string }).url });
    listener.on('notification', () => void this.wake());
    // A lost LISTEN connection (the database restarted) only costs latency: polling finds the rows, and the
    // next successful drain listens again.
    listener.on('error', (error) => {
      if (this.listener !== listener) return;
      this.listener = null;
      this.options.logger.warn('outbox listener lost; polling until it is back', { error });
      void listener.end().catch(() => undefined);
    });
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (this.stopped) {
      await listener.end();
      return;
    }
    this.listener = listener;
  }

  /** Listens again after the database came back; a failure leaves the relay polling and is retried next drain. */
  private async listenAgainIfLost(): Promise<void> {
    if (this.listener || this.stopped) return;
    await this.listen().then(
      () => this.options.logger.info('outbox listener back'),
      () => undefined,
    );
  }

  private async drain(): Promise<void> {
    try {
      let published: number;
      do {
        published = await this.publishBatch();
      } while (published === this.batchSize && !this.stopped);
      if (this.failures > 0) this.options.logger.info('outbox relay recovered', { afterFailures: this.failures });
      this.failures = 0;
      await this.listenAgainIfLost();
      await this.purgeIfDue();
    } catch (error) {
      this.failures += 1;
      // Broker errors carry socket codes too (ECONNREFUSED), so the broker is ruled out first.
      const databaseAway = !(error instanceof KafkaJSError) && isDatabaseUnavailable(error);
      // One line per outage, not per retry.
      if (this.failures === 1) {
        this.options.logger.warn(databaseAway ? 'outbox relay cannot read the outbox; will retry' : 'outbox relay cannot publish; will retry', { error });
      }
      // The producer is only suspect when the broker failed; a database outage leaves it connected and usable.
      if (!databaseAway) await this.resetProducer();
    }
  }

  private async publishBatch(): Promise<number> {
    const producer = await this.connectedProducer();
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows: PendingRow[] = await manager.query(
        `SELECT sequence, topic, message_key, event_type, envelope, trace_context FROM outbox_event
          WHERE published_at IS NULL ORDER BY sequence LIMIT $1`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const spans = rows.map((row) => this.publishSpan(row));
      try {
        await producer.sendBatch({ acks: -1, topicMessages: this.toTopicMessages(rows, spans) });
      } catch (error) {
        for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message }).end();
        throw error;
      }
      for (const span of spans) span.end();
      failpoint('relay.after-publish');
      await manager.query('UPDATE outbox_event SET published_at = now() WHERE sequence = ANY($1::bigint[])', [rows.map((row) => row.sequence)]);
      return rows.length;
    });
  }

  /** A PRODUCER span per event, child of the trace that recorded it; its context travels in the message headers. */
  private publishSpan(row: PendingRow) {
    return this.tracer.startSpan(
      `publish ${row.event_type}`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic, 'aftercare.event_type': row.event_type } },
      contextFromCarrier(row.trace_context),
    );
  }

  private toTopicMessages(rows: PendingRow[], spans: ReturnType<OutboxRelay['publishSpan']>[]) {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    rows.forEach((row, index) => {
      const topic = namespaced(this.options.config, row.topic);
      const messages = byTopic.get(topic) ?? [];
      const traceHeaders = currentTraceCarrier(trace.setSpan(contextFromCarrier(null), spans[index]!)) ?? {};
      messages.push({ key: row.message_key, value: JSON.stringify(row.envelope), headers: { 'event-type': row.event_type, ...traceHeaders } });
      byTopic.set(topic, messages);
    });
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
    await producer.connect();
    await ensureTopics(
      this.options.kafka,
      this.options.topics.map((topic) => namespaced(this.options.config, topic)),
    );
    this.producer = producer;
    return producer;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async purgeIfDue(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.options.dataSource.query(`DELETE FROM outbox_event WHERE published_at < now() - make_interval(hours => $1)`, [this.retentionHours]);
  }
}
