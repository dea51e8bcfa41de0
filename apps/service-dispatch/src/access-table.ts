import { AccessRule, AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';
import { QUALITY_READERS, SERVICE_HISTORY_READERS, STAFF_READERS, WORK_ORDER_READERS } from './roles';

/**
 * Who may run each of service-dispatch's operations (and read its sensitive fields). The resolvers' @Authorized lists
 * enforce this; apps/security-e2e walks the composed supergraph for every role and compares with it.
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
    'WorkOrder.amountDueCents': ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'],
    'WorkOrder.stagePrices': ['DISPATCHER', 'SUPERVISOR', 'ADMIN', 'SALES', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'],
    // What dispatch adds to sales' customers and orders and engineer-network's engineers, and where a work order
    // leads. In these lists an engineer sees only their own work orders, a partner only those of its own orders.
    'Customer.workOrders': WORK_ORDER_READERS as AccessRule,
    'Engineer.workOrders': WORK_ORDER_READERS as AccessRule,
    'Order.workOrders': [AUTHENTICATED],
    'Customer.engineersWhoServed': SERVICE_HISTORY_READERS as AccessRule,
    'Customer.qualityFactor': QUALITY_READERS as AccessRule,
    'Engineer.qualityFactor': QUALITY_READERS as AccessRule,
    'WorkOrder.customer': STAFF_READERS as AccessRule,
    'WorkOrder.engineer': STAFF_READERS as AccessRule,
  },
});
