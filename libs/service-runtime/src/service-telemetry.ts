import type { Express } from 'express';
import { DataSource } from 'typeorm';
import type { ConsumerObserver, RelayObserver } from '@aftercare/messaging';
import { onEveryStatement } from '@aftercare/persistence';
import { graphqlTelemetry, PlatformMetrics } from '@aftercare/telemetry';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * One service's metrics (served on GET /metrics) and request tracing: GraphQL requests per operation, the
 * outbox backlog and the age of its oldest unsent event, consumer lag per partition, dead letters, pool use,
 * SQL statements sent, and how long events took on each leg (recorded → acknowledged by Kafka in the producer, sent
 * → fetched and sent → applied in each consumer).
 */
export function serviceTelemetry(service: string, dataSource: DataSource) {
  const metrics = new PlatformMetrics(service);
  onEveryStatement(dataSource, () => metrics.sqlStatements.inc());
  metrics.observeOutbox(async () => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS backlog,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM outbox_event WHERE published_at IS NULL`,
    );
    return { backlog: Number(row.backlog), oldestUnsentSeconds: Number(row.age) };
  });
  metrics.observePool(() => {
    // TypeORM's postgres driver keeps its pg.Pool as `master`.
    const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
    return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 10 } : null;
  });
  const consumerObserver: ConsumerObserver = {
    lag: (topic, partition, lag) => metrics.consumerLag.set({ topic, partition: String(partition) }, lag),
    deadLettered: (eventType) => metrics.deadLetters.inc({ group: service, event_type: eventType }),
    applied: (event, { sentAt, fetchedAt, appliedAt }) => {
      // A message without a timestamp (never from our relays, which write Kafka's v2 format) says nothing of its trip.
      if (!Number.isFinite(sentAt)) return;
      metrics.eventFetchDelay.observe({ event_type: event.type }, secondsBetween(sentAt, fetchedAt));
      metrics.eventApplyDelay.observe({ event_type: event.type }, secondsBetween(sentAt, appliedAt));
    },
  };
  const relayObserver: RelayObserver = {
    published: (eventType, recordedAt, ackedAt) => metrics.outboxPublishDelay.observe({ event_type: eventType }, secondsBetween(recordedAt.getTime(), ackedAt)),
  };
  return {
    metrics,
    consumerObserver,
    relayObserver,
    observability: {
      routes: (app: Express) => {
        app.get('/metrics', metrics.handler());
      },
      graphqlMiddleware: [graphqlTelemetry(service, metrics)],
    },
  };
}

/** Seconds from one instant to a later one (ms), never negative: two processes' clocks on one host can disagree by a hair. */
function secondsBetween(from: number, to: number): number {
  return Math.max(0, to - from) / 1000;
}
