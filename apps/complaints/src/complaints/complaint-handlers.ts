/** Who works with complaints: the care agents and those who oversee them. */
export const COMPLAINT_HANDLERS = ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'];
