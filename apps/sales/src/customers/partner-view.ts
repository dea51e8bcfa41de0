import type { Order } from '../orders/order.entity';
import { Customer } from './customer.entity';

/**
 * What a partner sees as an order's customer: exactly what it submitted (name, phone, site), never the
 * card the phone matched — a matching phone links the order to the card, it does not open the card.
 * The CRM fields are refused to partners field by field (see Customer).
 */
export function partnerView(order: Order): Customer {
  return Object.assign(new Customer(), {
    id: order.customerId,
    name: order.submittedName ?? '',
    phone: order.submittedPhone ?? '',
    city: order.city,
    address: order.siteAddress,
    // Not the card's: when the partner handed this customer over (a missing value broke the non-null field).
    createdAt: order.createdAt,
    contacts: [],
    sites: [],
  });
}
