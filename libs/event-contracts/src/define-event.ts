import { randomUUID } from 'node:crypto';
import { EventEnvelope } from './envelope';
import { ServiceName, Topics } from './topics';

export interface EventDefinition<TType extends string, TPayload> {
  readonly type: TType;
  readonly version: number;
  readonly source: ServiceName;
  readonly topic: string;
  readonly aggregateType: string;
  /** Builds a fresh envelope (new id, now) for this event. */
  create(aggregateId: string, payload: TPayload): EventEnvelope<TType, TPayload>;
  /** Narrows an envelope read off a topic to this event. */
  matches(envelope: EventEnvelope): envelope is EventEnvelope<TType, TPayload>;
}

export type PayloadOf<D> = D extends EventDefinition<string, infer P> ? P : never;

/** Declares one event of a service's public contract. */
export function defineEvent<TPayload>() {
  return <TType extends string>(spec: { type: TType; version: number; source: ServiceName; aggregateType: string }): EventDefinition<TType, TPayload> => ({
    ...spec,
    topic: Topics[spec.source],
    create: (aggregateId, payload) => ({
      id: randomUUID(),
      type: spec.type,
      version: spec.version,
      source: spec.source,
      aggregateType: spec.aggregateType,
      aggregateId,
      occurredAt: new Date().toISOString(),
      payload,
    }),
    matches: (envelope): envelope is EventEnvelope<TType, TPayload> => envelope.type === spec.type && envelope.version === spec.version,
  });
}
