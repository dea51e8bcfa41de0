import { EntityManager, QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventEnvelope, Topics } from '@aftercare/event-contracts';
import { currentTraceCarrier } from '@aftercare/telemetry';
import { OutboxEvent } from './outbox-event.entity';

/**
 * The channel the relay listens on. Inserting outbox rows notifies it (a trigger, see the messaging migrations);
 * NOTIFY is delivered only when the writing transaction commits.
 */
export const OUTBOX_CHANNEL = 'aftercare_outbox';

type OutboxRow = QueryDeepPartialEntity<OutboxEvent>;

/** Transactions whose outbox rows are held back and written in one insert just before they commit. */
const heldBack = new WeakMap<QueryRunner, OutboxRow[]>();

/**
 * Records events inside the caller's transaction. Nothing reaches Kafka unless the state change
 * commits, and nothing committed is lost if Kafka is down: the relay publishes it later.
 */
export class Outbox {
  async record(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const traceContext = currentTraceCarrier();
    const rows = events.map((event) => ({
      eventId: event.id,
      topic: Topics[event.source],
      messageKey: event.aggregateId,
      eventType: event.type,
      envelope: event,
      publishedAt: null,
      traceContext,
    })) as OutboxRow[];
    const held = manager.queryRunner && heldBack.get(manager.queryRunner);
    if (held) held.push(...rows);
    else await manager.insert(OutboxEvent, rows);
  }
}

/**
 * Runs `work` in the transaction of `manager` with every event it records held back, then writes them all in one
 * insert, in the order they were recorded, before handing back: a consumer's batch of events, each announcing
 * something, costs one outbox statement instead of one per event. `work` failing writes nothing.
 */
export async function withOneOutboxInsert<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('withOneOutboxInsert needs a transaction');
  const rows: OutboxRow[] = [];
  heldBack.set(runner, rows);
  try {
    const result = await work();
    if (rows.length > 0) await manager.insert(OutboxEvent, rows);
    return result;
  } finally {
    heldBack.delete(runner);
  }
}
