import { AccessRule, AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';
import type { Role } from '@aftercare/identity';

/** Staff who manage every work order (a row rule too: they see every job, an engineer only their own). */
export const WORK_ORDER_MANAGERS: Role[] = ['DISPATCHER', 'SUPERVISOR', 'ADMIN'];

/** Staff who may read work orders and what happened on them (engineers with their row rule). */
const STAFF_READERS: AccessRule = [...WORK_ORDER_MANAGERS, 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'];

/** Partners follow the status of work orders on their own orders, but not the company's internal notes. */
const WORK_ORDER_READERS: AccessRule = [...STAFF_READERS, 'PARTNER'];

/** Everyone who serves the customer; an engineer sees only their own jobs, not the colleagues who came before. Quality data too. */
const SERVICE_HISTORY_READERS: AccessRule = [...WORK_ORDER_MANAGERS, 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];

/**
 * Who may run each of service-dispatch's operations (and read its sensitive fields): the only place its
 * permissions are written. Resolvers carry a bare @Guarded() and the auth checker of libs/subgraph enforces this table; apps/security-e2e walks the composed supergraph for every role and compares with it.
 */
export const serviceDispatchAccess = defineAccessTable({
  service: 'service-dispatch',
  Query: {
    myWorkOrders: ['ENGINEER'],
    returnVisitsDue: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    workOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER', 'PARTNER'],
    workOrdersOn: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    workOrders: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
  },
  Mutation: {
    acceptSelfInstall: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    assignWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    cancelWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    completeWorkOrder: ['ENGINEER', 'DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    createWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    dispatchDay: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    dispatchWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    planContractVisits: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    recordInspection: ['SUPERVISOR', 'ADMIN'],
    recordReturnVisit: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    recordSatisfactionSurvey: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    rescheduleWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    scheduleWorkOrder: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    startWorkOrder: ['ENGINEER', 'DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    submitEvaluation: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
  },
  // What the engineer collects on site: staff and the engineer on the job (row rule), never a partner.
  fields: {
    // What happened on a job: staff and the engineer on it (row rule), not a partner.
    'WorkOrder.completion': STAFF_READERS,
    'WorkOrder.history': STAFF_READERS,
    'WorkOrder.amountDueCents': ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'],
    'WorkOrder.stagePrices': ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'],
    // What dispatch adds to sales' customers and orders and engineer-network's engineers, and where a work order
    // leads. In these lists an engineer sees only their own work orders, a partner only those of its own orders.
    'Customer.workOrders': WORK_ORDER_READERS,
    'Engineer.workOrders': WORK_ORDER_READERS,
    'Order.workOrders': [AUTHENTICATED],
    'Customer.engineersWhoServed': SERVICE_HISTORY_READERS,
    'Customer.qualityFactor': SERVICE_HISTORY_READERS,
    'Engineer.qualityFactor': SERVICE_HISTORY_READERS,
    'WorkOrder.customer': STAFF_READERS,
    'WorkOrder.engineer': STAFF_READERS,
  },
});
