/**
 * Staff who may read beyond a card's basics (owner, grade history, contracts, trace, value, churn).
 * Partners reach a customer only through their own orders and see just the card's basics.
 */
export const CUSTOMER_360_READERS = ['ADMIN', 'SUPERVISOR', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];

/**
 * Who may open `customer(id)`: every staff role that serves the customer. Engineers see the card's basics
 * (name, phone, address) of the customers they visit; the CRM fields above stay with CUSTOMER_360_READERS,
 * and a salesperson still opens only their own cards (the row rule in customer-access.ts).
 */
export const CUSTOMER_OPENERS = [...CUSTOMER_360_READERS, 'ENGINEER'];
