import { Client } from 'pg';
import type { EventDelayLegs } from './event-delays';

export interface EventLatency {
  orders: number;
  delivered: number;
  /** OrderPlaced committed in sales → install work order stored in dispatch. */
  p50: number;
  p95: number;
  p99: number;
  /** Where the time goes, p50 / p95 of each leg: commit → the relay picks the event up → dispatch applies it. */
  legs: { relayPickUp: [number, number]; deliveryAndApply: [number, number] };
  /** The same trip split finer by the services' own histograms, where the run read them. */
  delays?: EventDelayLegs;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sortedFinite = (values: number[]) => values.filter(Number.isFinite).sort((a, b) => a - b);

/**
 * Event latency on the database clock (both databases are on one server): the order's commit time in sales,
 * the moment sales' relay took its OrderPlaced for publishing, and the moment dispatch's consumer stored the
 * install work order (its transaction start, the same instant as its inbox entry).
 */
export async function eventLatency(sales: Client, dispatch: Client, externalRefPrefix: string): Promise<EventLatency> {
  const { rows: placed } = await sales.query<{ id: string; created_at: Date; published_at: Date | null }>(
    `SELECT o.id, o.created_at, e.published_at FROM sales_order o
       JOIN outbox_event e ON e.event_type = 'OrderPlaced' AND e.envelope->'payload'->>'orderId' = o.id::text
      WHERE o.external_ref LIKE $1`,
    [`${externalRefPrefix}%`],
  );
  const { rows: stored } = await dispatch.query<{ order_id: string; created_at: Date }>(
    `SELECT order_id, created_at FROM work_order WHERE order_id = ANY($1::uuid[]) AND type = 'INSTALL'`,
    [placed.map((row) => row.id)],
  );
  const storedAt = new Map(stored.map((row) => [row.order_id, row.created_at.getTime()]));
  const total = sortedFinite(placed.map((row) => (storedAt.get(row.id) ?? NaN) - row.created_at.getTime()));
  const pickUp = sortedFinite(placed.map((row) => (row.published_at?.getTime() ?? NaN) - row.created_at.getTime()));
  const apply = sortedFinite(placed.map((row) => (storedAt.get(row.id) ?? NaN) - (row.published_at?.getTime() ?? NaN)));
  return {
    orders: placed.length,
    delivered: total.length,
    p50: percentile(total, 50),
    p95: percentile(total, 95),
    p99: percentile(total, 99),
    legs: { relayPickUp: [percentile(pickUp, 50), percentile(pickUp, 95)], deliveryAndApply: [percentile(apply, 50), percentile(apply, 95)] },
  };
}
