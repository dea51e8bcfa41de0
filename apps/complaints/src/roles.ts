import type { Role } from '@aftercare/identity';

/** Who works complaints: the care agents, and those who oversee them. */
export const COMPLAINT_HANDLERS: Role[] = ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'];

/** Who may read complaints: handlers, and dispatch and sales for their work orders and customers. */
export const COMPLAINT_READERS: Role[] = [...COMPLAINT_HANDLERS, 'DISPATCHER', 'SALES'];

/** Who approves compensation, rules disputes, sees KPIs and reads the SLA, holiday and insurance settings and their history. */
export const SUPERVISORS: Role[] = ['SUPERVISOR', 'ADMIN'];

/** Who files evidence in a sales-versus-service dispute: each side, and the care team running it. */
export const DISPUTE_PARTIES: Role[] = [...COMPLAINT_HANDLERS, 'SALES', 'DISPATCHER'];

/** Product issue reports go to manufacturers; a partner brand sees only its own. */
export const REPORT_READERS: Role[] = [...SUPERVISORS, 'COMPLAINTS_AGENT', 'PARTNER'];

/** Who changes the settings complaints run on (SLA policies, holidays, brand insurance): an ADMIN, on the record. */
export const ADMINS: Role[] = ['ADMIN'];
