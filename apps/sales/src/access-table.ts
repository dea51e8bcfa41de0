import { AccessRule, AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';
import type { Role } from '@aftercare/identity';

/** Every staff role that serves a customer and so may open the customer 360 (what each sees: the fields below). */
const CUSTOMER_360_READERS: AccessRule = ['ADMIN', 'SUPERVISOR', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT'];

/** Row rule: the staff roles that serve customers without owning them read every card (its service facts, not its CRM fields). */
export const SERVICE_ROLES: Role[] = ['ADMIN', 'SUPERVISOR', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'ENGINEER'];

/** Row rule: supervisors and admins see every promise-approval request, a salesperson only their own. */
export const SUPERVISORS: Role[] = ['SUPERVISOR', 'ADMIN'];

/**
 * Who may run each of sales's operations (and read its sensitive fields): the only place its
 * permissions are written. Resolvers carry a bare @Guarded() and the auth checker of libs/subgraph enforces this table; apps/security-e2e walks the composed supergraph for every role and compares with it.
 */
export const salesAccess = defineAccessTable({
  service: 'sales',
  Query: {
    areaTolerancePercent: ['SALES', 'SUPERVISOR', 'ADMIN'],
    churnReport: ['SUPERVISOR', 'ADMIN'],
    contract: ['SALES', 'SUPERVISOR', 'ADMIN'],
    contracts: ['SALES', 'SUPERVISOR', 'ADMIN'],
    // The customer 360: every staff role that serves the customer; engineers without the CRM fields below.
    customer: [...CUSTOMER_360_READERS, 'ENGINEER'],
    customers: CUSTOMER_360_READERS,
    myOrders: ['PARTNER'],
    // No id argument: a partner reads only itself.
    myPartner: ['PARTNER'],
    order: ['ADMIN', 'SUPERVISOR', 'SALES', 'DISPATCHER', 'COMPLAINTS_AGENT', 'VALUE_ADDED_AGENT', 'PARTNER'],
    partnerCredential: ['SYSTEM'],
    partners: ['SUPERVISOR', 'ADMIN'],
    promiseApprovalRequests: ['SALES', 'SUPERVISOR', 'ADMIN'],
    promiseTemplates: ['SALES', 'SUPERVISOR', 'ADMIN'],
    referenceDataHistory: ['SUPERVISOR', 'ADMIN'],
    referencePrices: ['SALES', 'SUPERVISOR', 'ADMIN'],
    salesperson: ['SALES', 'SUPERVISOR', 'ADMIN'],
    salespeople: ['SALES', 'SUPERVISOR', 'ADMIN'],
  },
  Mutation: {
    approvePromise: ['SUPERVISOR'],
    changeProspectGrade: ['SALES', 'SUPERVISOR', 'ADMIN'],
    createContract: ['SALES', 'SUPERVISOR', 'ADMIN'],
    createCustomer: ['SALES', 'SUPERVISOR', 'ADMIN'],
    decidePromiseApproval: ['SUPERVISOR'],
    departSalesperson: ['SUPERVISOR', 'ADMIN'],
    logContact: ['SALES', 'SUPERVISOR', 'ADMIN'],
    placeOrder: ['SALES', 'SUPERVISOR', 'ADMIN', 'VALUE_ADDED_AGENT'],
    recordChurn: ['SALES', 'SUPERVISOR', 'ADMIN'],
    registerPartner: ['ADMIN'],
    revokePartnerKey: ['ADMIN'],
    rotatePartnerKey: ['ADMIN'],
    registerSalesperson: ['ADMIN'],
    requestPromiseApproval: ['SALES', 'SUPERVISOR', 'ADMIN'],
    reviewContract: ['SUPERVISOR', 'ADMIN'],
    setAreaTolerance: ['ADMIN'],
    setPromiseTemplate: ['ADMIN'],
    setReferencePrice: ['ADMIN'],
    submitInstallOrder: ['PARTNER'],
    updateCustomer: ['SALES', 'SUPERVISOR', 'ADMIN'],
  },
  // CRM fields of a card: never partners (they see only what they submitted); a salesperson reaches only own cards.
  fields: {
    // Which keys a partner holds (never the keys themselves: only their hashes are stored).
    'Partner.apiKeys': ['ADMIN'],
    'Customer.region': CUSTOMER_360_READERS,
    'Customer.businessType': CUSTOMER_360_READERS,
    'Customer.scale': CUSTOMER_360_READERS,
    'Customer.influence': CUSTOMER_360_READERS,
    'Customer.grade': CUSTOMER_360_READERS,
    'Customer.key': CUSTOMER_360_READERS,
    'Customer.referredById': CUSTOMER_360_READERS,
    'Customer.serviceContactId': CUSTOMER_360_READERS,
    'Customer.contacts': CUSTOMER_360_READERS,
    'Customer.sites': CUSTOMER_360_READERS,
    'Customer.gradeHistory': CUSTOMER_360_READERS,
    'Customer.maintenance': CUSTOMER_360_READERS,
    'Customer.maintenanceContacts': CUSTOMER_360_READERS,
    'Customer.churn': CUSTOMER_360_READERS,
    'Customer.value': CUSTOMER_360_READERS,
    // The value index's history: as the index itself, never for engineers.
    'Customer.valueHistory': CUSTOMER_360_READERS,
    // A card's sales side leads on to orders, contracts and its owner: office staff only, never an engineer
    // (who opens a card for the basics of the visit); a partner sees only the orders it placed itself.
    'Customer.orders': [...CUSTOMER_360_READERS, 'PARTNER'],
    'Customer.contracts': CUSTOMER_360_READERS,
    'Customer.owner': CUSTOMER_360_READERS,
    // Whoever reaches the order or contract; the card itself keeps its row rule (own cards, a partner's view).
    'Order.customer': [AUTHENTICATED],
    'Order.partner': [AUTHENTICATED],
    'Contract.customer': [AUTHENTICATED],
  },
});
