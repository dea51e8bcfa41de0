import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Client-chosen operation names become label values; past this many distinct ones they count as "other". */
const MAX_OPERATION_LABELS = 200;
/**
 * How often the event-loop delay is sampled. prom-client's 10 ms wakes an idle process a hundred times a second
 * (about 6 ms of CPU per second in each service and the gateway, charged to every request they serve); at 100 ms
 * a stalled loop still shows in the lag percentiles within one scrape.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

export interface OutboxState {
  backlog: number;
  oldestUnsentSeconds: number;
}

export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * Bounds for the legs an event travels (commit → Kafka → a consumer's commit): fine below 250 ms, where a healthy
 * platform's events are, and wide enough above to show an outage's backlog draining.
 */
const EVENT_DELAY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The Prometheus metrics of one process (a service or the gateway), in a registry of its own so several
 * services can run in one test process. Request rate is the `_count` of the duration histogram.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requestDuration: Histogram<'operation' | 'status'>;
  readonly deadLetters: Counter<'group' | 'event_type'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly sqlStatements: Counter;
  readonly outboxPublishDelay: Histogram<'event_type'>;
  readonly eventFetchDelay: Histogram<'event_type'>;
  readonly eventApplyDelay: Histogram<'event_type'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'aftercare_process_', eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
    this.requestDuration = new Histogram({
      name: 'aftercare_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation name and HTTP status class; the request rate is its _count',
      labelNames: ['operation', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.deadLetters = new Counter({
      name: 'aftercare_dead_letters_total',
      help: 'Events parked on the dead-letter topic after bounded retries',
      labelNames: ['group', 'event_type'],
      registers: [this.registry],
    });
    this.consumerLag = new Gauge({
      name: 'aftercare_consumer_lag_messages',
      help: "Messages behind the partition's high watermark after the consumer's last batch",
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
    });
    this.sqlStatements = new Counter({
      name: 'aftercare_db_statements_total',
      help: 'SQL statements sent to the database (transaction control included): divided by requests, the cost of an operation in round trips',
      registers: [this.registry],
    });
    this.outboxPublishDelay = this.eventDelay(
      'aftercare_outbox_publish_delay_seconds',
      "From the start of the transaction that recorded an event to Kafka's acknowledgement of it (this service's relay)",
    );
    this.eventFetchDelay = this.eventDelay(
      'aftercare_event_fetch_delay_seconds',
      "From the producer's relay sending an event to this service's consumer receiving it in a fetch",
    );
    this.eventApplyDelay = this.eventDelay(
      'aftercare_event_apply_delay_seconds',
      "From the producer's relay sending an event to this service's commit of its effects: how far behind the read models were",
    );
  }

  /** One leg of an event's trip, per event type, in this process's registry. */
  private eventDelay(name: string, help: string): Histogram<'event_type'> {
    return new Histogram({ name, help, labelNames: ['event_type'], buckets: EVENT_DELAY_BUCKETS, registers: [this.registry] });
  }

  /** The label for an operation name, bounded so a client cannot grow the registry without limit. */
  operationLabel(name: string | undefined): string {
    const operation = name && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name) ? name : 'anonymous';
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(operation);
    return operation;
  }

  /** Outbox backlog and the age of the oldest unsent event, read when Prometheus scrapes. */
  observeOutbox(read: () => Promise<OutboxState>): void {
    // One query per scrape for both gauges; a database that is down leaves the last values (the pool gauge and
    // the service's readiness tell that story) rather than failing the whole scrape.
    let last: Promise<OutboxState | null> | null = null;
    const state = () =>
      (last ??= read()
        .catch(() => null)
        .finally(() => setTimeout(() => (last = null), 0)));
    new Gauge({
      name: 'aftercare_outbox_backlog_events',
      help: 'Committed events not yet published to Kafka',
      registers: [this.registry],
      async collect() {
        const current = await state();
        if (current) this.set(current.backlog);
      },
    });
    new Gauge({
      name: 'aftercare_outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest committed event not yet published (0 when none)',
      registers: [this.registry],
      async collect() {
        const current = await state();
        if (current) this.set(current.oldestUnsentSeconds);
      },
    });
  }

  /** Database connection pool use, read when Prometheus scrapes. */
  observePool(read: () => PoolState | null): void {
    new Gauge({
      name: 'aftercare_db_pool_connections',
      help: 'Database pool connections by state (in_use, idle, waiting requests, max)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = read();
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.total - pool.idle);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
        this.set({ state: 'max' }, pool.max);
      },
    });
  }

  /** GET /metrics in the Prometheus text format. */
  handler(): RequestHandler {
    return async (_req, res) => {
      try {
        const body = await this.registry.metrics();
        res.setHeader('content-type', this.registry.contentType);
        res.end(body);
      } catch (error) {
        res
          .status(500)
          .type('text/plain')
          .end(`metrics unavailable: ${(error as Error).message}`);
      }
    };
  }
}
