import type { Role } from '@aftercare/identity';

/** Staff who manage every work order. */
export const WORK_ORDER_MANAGERS: Role[] = ['DISPATCHER', 'SUPERVISOR', 'ADMIN'];

/** Staff who may read work orders and what happened on them (engineers with their row rule). */
export const STAFF_READERS: Role[] = [...WORK_ORDER_MANAGERS, 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'];

/** Partners follow the status of work orders on their own orders, but not the company's internal notes. */
export const WORK_ORDER_READERS: Role[] = [...STAFF_READERS, 'PARTNER'];

/** Who works a job in the field (their own, by the row rule) or on an engineer's behalf. */
export const FIELD_WORKERS: Role[] = ['ENGINEER', ...WORK_ORDER_MANAGERS];

/** Engineers see their own day. */
export const ENGINEERS: Role[] = ['ENGINEER'];

/** Everyone who serves the customer; an engineer sees only their own jobs, not the colleagues who came before. */
export const SERVICE_HISTORY_READERS: Role[] = [...WORK_ORDER_MANAGERS, 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];

/** Quality data is for the company's staff, not for partners or engineers. */
export const QUALITY_READERS: Role[] = SERVICE_HISTORY_READERS;

/** Inspections and the doubtful-data flags are for supervisors. */
export const SUPERVISORS: Role[] = ['SUPERVISOR', 'ADMIN'];
