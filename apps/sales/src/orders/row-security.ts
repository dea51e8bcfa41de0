/**
 * The role sales' partner-facing work runs as (SET LOCAL ROLE per transaction): neither owner nor BYPASSRLS,
 * so the sales_order policy holds even if a query forgot its partner filter.
 */
export const SALES_RUNTIME_ROLE = 'aftercare_sales_runtime';
