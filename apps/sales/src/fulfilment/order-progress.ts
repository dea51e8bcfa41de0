import { OrderStatus } from '../orders/order.entity';

/**
 * Which statuses an order may be moved to a given status from. Fulfilment only goes forward, so a late
 * or out-of-order event (an assignment arriving after the installation) changes nothing; a cancellation
 * only stops an order that has not been installed yet.
 */
export const ADVANCES_FROM: Record<Exclude<OrderStatus, 'PLACED'>, OrderStatus[]> = {
  SCHEDULED: ['PLACED'],
  INSTALLED: ['PLACED', 'SCHEDULED'],
  VERIFIED: ['PLACED', 'SCHEDULED', 'INSTALLED'],
  CANCELLED: ['PLACED', 'SCHEDULED'],
};
