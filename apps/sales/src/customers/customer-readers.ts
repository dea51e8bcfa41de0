/**
 * Staff who may read beyond a card's basics (owner, grade history, contracts, trace, value, churn).
 * Partners reach a customer only through their own orders and see just the card's basics.
 */
export const CUSTOMER_360_READERS = ['ADMIN', 'SUPERVISOR', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];
