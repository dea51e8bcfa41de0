import { ServiceName } from './topics';

/**
 * The versioned envelope every event travels in. Consumers branch on `type` + `version`, so a
 * producer can publish v2 beside v1 while its consumers migrate.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  /** Unique per event; consumers record it in their inbox to stay idempotent. */
  id: string;
  type: TType;
  version: number;
  source: ServiceName;
  aggregateType: string;
  /** Also the Kafka message key, so events of one aggregate stay in order. */
  aggregateId: string;
  occurredAt: string;
  payload: TPayload;
}

export function isEventEnvelope(value: unknown): value is EventEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['id'] === 'string' &&
    typeof candidate['type'] === 'string' &&
    typeof candidate['version'] === 'number' &&
    typeof candidate['aggregateId'] === 'string' &&
    typeof candidate['payload'] === 'object' &&
    candidate['payload'] !== null
  );
}
