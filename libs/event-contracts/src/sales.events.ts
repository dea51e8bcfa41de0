import { defineEvent } from './define-event';

export const OrderChannels = ['ECOMMERCE', 'STORE', 'PHONE', 'PARTNER', 'VALUE_ADDED'] as const;
export type OrderChannel = (typeof OrderChannels)[number];

export interface OrderPlacedPayload {
  orderId: string;
  channel: OrderChannel;
  partnerId: string | null;
  partnerCode: string | null;
  externalRef: string | null;
  productModel: string;
  customer: {
    customerId: string;
    name: string;
    phone: string;
    city: string;
    address: string;
  };
  /** ISO date (YYYY-MM-DD) the customer asked for, if any. */
  preferredDate: string | null;
}

export const OrderPlaced = defineEvent<OrderPlacedPayload>()({
  type: 'OrderPlaced',
  version: 1,
  source: 'sales',
  aggregateType: 'Order',
});
