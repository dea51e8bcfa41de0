export const ServiceNames = ['sales', 'service-dispatch', 'complaints', 'engineer-network', 'value-added'] as const;
export type ServiceName = (typeof ServiceNames)[number];

/**
 * One topic per producing service: every event of an aggregate lands on the same topic and, keyed by
 * the aggregate id, on the same partition, so consumers see an aggregate's history in order.
 */
export const Topics: Record<ServiceName, string> = {
  sales: 'aftercare.sales.events',
  'service-dispatch': 'aftercare.service-dispatch.events',
  complaints: 'aftercare.complaints.events',
  'engineer-network': 'aftercare.engineer-network.events',
  'value-added': 'aftercare.value-added.events',
};

/** Poison events a consumer gave up on, parked per consumer group for inspection and replay. */
export function deadLetterTopic(consumerGroup: string): string {
  return `aftercare.dead-letter.${consumerGroup}`;
}
