/** Dispatchers, supervisors and admins run the engineer network day to day. */
export const ENGINEER_MANAGERS = ['DISPATCHER', 'SUPERVISOR', 'ADMIN'];
