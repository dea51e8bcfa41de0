import { EntityManager } from 'typeorm';
import type { EventDefinition, EventEnvelope } from '@aftercare/event-contracts';

/**
 * Applies one kind of event. `manager` is the transaction that also records the event in the inbox,
 * so the effect and the "seen" mark commit together; events the handler emits go through the same
 * manager into the outbox.
 */
export interface EventHandler {
  readonly event: EventDefinition<string, unknown>;
  handle(envelope: EventEnvelope, manager: EntityManager): Promise<void>;
}

export function on<TType extends string, TPayload>(
  event: EventDefinition<TType, TPayload>,
  handle: (envelope: EventEnvelope<TType, TPayload>, manager: EntityManager) => Promise<void>,
): EventHandler {
  return {
    event: event as EventDefinition<string, unknown>,
    handle: (envelope, manager) => handle(envelope as EventEnvelope<TType, TPayload>, manager),
  };
}
