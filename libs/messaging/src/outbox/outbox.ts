import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventEnvelope, Topics } from '@aftercare/event-contracts';
import { currentTraceCarrier } from '@aftercare/telemetry';
import { OutboxEvent } from './outbox-event.entity';

/**
 * The channel the relay listens on. Inserting outbox rows notifies it (a trigger, see the messaging migrations);
 * NOTIFY is delivered only when the writing transaction commits.
 */
export const OUTBOX_CHANNEL = 'aftercare_outbox';

/**
 * Records events inside the caller's transaction. Nothing reaches Kafka unless the state change
 * commits, and nothing committed is lost if Kafka is down: the relay publishes it later.
 */
export class Outbox {
  async record(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const traceContext = currentTraceCarrier();
    await manager.insert(
      OutboxEvent,
      events.map((event) => ({
        eventId: event.id,
        topic: Topics[event.source],
        messageKey: event.aggregateId,
        eventType: event.type,
        envelope: event,
        publishedAt: null,
        traceContext,
      })) as QueryDeepPartialEntity<OutboxEvent>[],
    );
  }
}
