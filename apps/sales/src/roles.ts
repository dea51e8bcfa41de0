import type { Role } from '@aftercare/identity';

/** Who keeps customer cards, contracts and the reference data they use: sales and those who oversee it. */
export const SALES_TEAM: Role[] = ['SALES', 'SUPERVISOR', 'ADMIN'];

/** Who approves promises beyond a template and decides what sales may not decide alone. */
export const SUPERVISORS: Role[] = ['SUPERVISOR', 'ADMIN'];

/** Who registers partners and manages their keys and the reference data's history. */
export const ADMINS: Role[] = ['ADMIN'];

/** Every staff role that serves a customer and so may open the customer 360 (what each sees: the access table). */
export const CUSTOMER_360_READERS: Role[] = ['ADMIN', 'SUPERVISOR', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];

/** Who may open a card by id: the 360 readers, and engineers for the basics of the customer they visit. */
export const CUSTOMER_OPENERS: Role[] = [...CUSTOMER_360_READERS, 'ENGINEER'];

/** The staff roles that serve customers without owning them: they see a card's service facts, not its CRM fields. */
export const SERVICE_ROLES: Role[] = ['ADMIN', 'SUPERVISOR', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'];

/** Who may read orders: the staff who serve them, and a partner its own. */
export const ORDER_READERS: Role[] = [...CUSTOMER_360_READERS, 'PARTNER'];

/** Partners submit and follow their own orders. */
export const PARTNERS: Role[] = ['PARTNER'];

/** Who places orders on a customer's behalf: the sales team, and value-added agents for consumables. */
export const ORDER_PLACERS: Role[] = [...SALES_TEAM, 'VALUE_ADDED_AGENT'];

/** A supervisor personally approves a promise beyond its template (an admin does not stand in). */
export const PROMISE_APPROVERS: Role[] = ['SUPERVISOR'];

/** The gateway itself, checking a partner's key. */
export const GATEWAY: Role[] = ['SYSTEM'];
