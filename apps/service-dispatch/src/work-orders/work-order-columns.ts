/** The columns each field a resolver computes on a work order reads (every other field is a column of its own). */
export const WORK_ORDER_FIELD_READS = { customer: ['customerId'], engineer: ['engineerId'], completion: ['id'], history: ['id'] };

/** What the row rule reads of every work order before it is shown (`maySee`). */
export const WORK_ORDER_ROW_RULE_READS = ['partnerId', 'engineerId'];
