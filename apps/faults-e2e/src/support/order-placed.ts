import { randomUUID } from 'node:crypto';

/**
 * An OrderPlaced as sales' relay would publish it, for scenarios that play sales on the topic directly: an
 * event arriving while the consumer's own database is down, a poison event. Only what the test sets varies.
 */
export function orderPlacedEvent({
  key = randomUUID(),
  orderId = randomUUID(),
  productModel = 'AquaPure X5',
  externalRef = `EVT-${orderId.slice(0, 8)}`,
}: { key?: string; orderId?: string; productModel?: string; externalRef?: string } = {}) {
  return {
    id: randomUUID(),
    type: 'OrderPlaced',
    version: 1,
    source: 'sales' as const,
    aggregateType: 'Order',
    aggregateId: key,
    occurredAt: new Date().toISOString(),
    payload: {
      orderId,
      channel: 'PARTNER',
      partnerId: null,
      partnerCode: null,
      externalRef,
      productModel,
      customer: { customerId: randomUUID(), name: 'Qian Yu', phone: '+8613700000000', city: 'Suzhou', address: '5 Canal Street' },
      preferredDate: '2026-12-10',
    },
  };
}
