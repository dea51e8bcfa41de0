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
  /**
   * Under load, rounds start at most this often, so the events of many commits travel in one batch (two statements
   * for the lot) instead of a round per commit; the first event after a quiet spell goes at once.
   */
  batchWindowMs?: number;
  /** Told how long each published event waited (the service's metrics). */
  observer?: RelayObserver;
}

export interface RelayObserver {
  /** An event Kafka acknowledged at `ackedAt` (ms), recorded by a transaction that started at `recordedAt`. */
  published(eventType: string, recordedAt: Date, ackedAt: number): void;
}

interface PendingRow {
  sequence: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: unknown;
  trace_context: Record<string, string> | null;
  created_at: Date;
}

/** Any constant works; it only has to be the same for every instance of one service (each has its own database). */
const RELAY_LOCK_KEY = 0x0a7e_ca4e;
const MAX_BACKOFF_MS = 5000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Publishes committed outbox rows to Kafka in commit order, then marks them published.
 * One relay per service publishes at a time: the one whose own database session holds the service's advisory
 * lock, taken once per session rather than once per batch. That session also LISTENs for commits; the other
 * instances only try the lock at each poll. Should two ever publish at once (a session lost mid-batch), each still
 * sends in sequence order and consumers skip what they have seen, so an aggregate's events never overtake each
 * other. A broker outage only delays publication.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionHours: number;
  private producer: Producer | null = null;
  /** The relay's own session: it holds the publishing lock when `leading`, and then LISTENs. */
  private session: Client | null = null;
  private leading = false;
  /** Led before and lost the session: taking the lock again is the relay coming back, and says so. */
  private lostLead = false;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = true;
  private failures = 0;
  private lastPurge = 0;
  private lastRoundAt = 0;
  private readonly batchWindowMs: number;
  private readonly tracer: Tracer;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionHours = options.retentionHours ?? 72;
    this.batchWindowMs = options.batchWindowMs ?? 20;
    this.tracer = tracerFor(options.config.clientId);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.lead();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    await this.session?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.session = null;
    this.leading = false;
    this.producer = null;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or the broker refused. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.roundWithinWindow().finally(() => {
      this.draining = null;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  private async roundWithinWindow(): Promise<void> {
    const wait = this.lastRoundAt + this.batchWindowMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastRoundAt = Date.now();
    await this.drain();
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

  /**
   * True when this relay holds the publishing lock on its own session, taking it (and LISTENing) if it is free.
   * A session that cannot be opened (the database away) leaves the relay polling; the next round tries again.
   */
  private async lead(): Promise<boolean> {
    if (this.leading || this.stopped) return this.leading;
    try {
      const session = this.session ?? (await this.openSession());
      const [{ locked }] = (await session.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK_KEY])).rows;
      if (!locked || this.stopped) return false;
      await session.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.leading = true;
      this.options.logger.info(this.lostLead ? 'outbox listener back' : 'outbox relay publishing: it holds the lock and listens for commits');
      this.lostLead = false;
      return true;
    } catch (error) {
      this.dropSession(this.session, error);
      return false;
    }
  }

  private async openSession(): Promise<Client> {
    const { options } = this.options.dataSource;
    const session = new Client({ connectionString: (options as { url?: string }).url });
    session.on('notification', () => void this.wake());
    // A lost session (the database restarted) gives up the lock with it: another instance may take over, or this
    // one takes it again on its next round.
    session.on('error', (error) => this.dropSession(session, error));
    this.session = session;
    await session.connect();
    return session;
  }

  private dropSession(session: Client | null, error: unknown): void {
    if (!session || this.session !== session) return;
    if (this.leading) {
      this.options.logger.warn('outbox relay lost its session; publishing resumes when it holds the lock again', { error });
      this.lostLead = true;
    }
    this.session = null;
    this.leading = false;
    void session.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    try {
      if (!(await this.lead())) return;
      let published: number;
      do {
        published = await this.publishBatch();
      } while (published === this.batchSize && !this.stopped);
      if (this.failures > 0) this.options.logger.info('outbox relay recovered', { afterFailures: this.failures });
      this.failures = 0;
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

  /** One batch in two statements: read the oldest unpublished rows, send them, mark them published. */
  private async publishBatch(): Promise<number> {
    const producer = await this.connectedProducer();
    const rows: PendingRow[] = await this.options.dataSource.query(
      `SELECT sequence, topic, message_key, event_type, envelope, trace_context, created_at FROM outbox_event
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
    const ackedAt = Date.now();
    for (const row of rows) this.options.observer?.published(row.event_type, row.created_at, ackedAt);
    failpoint('relay.after-publish');
    // Lost between the send and this mark (a crash), the rows go again: consumers skip what they have applied.
    await this.options.dataSource.query('UPDATE outbox_event SET published_at = now() WHERE sequence = ANY($1::bigint[])', [rows.map((row) => row.sequence)]);
    return rows.length;
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
