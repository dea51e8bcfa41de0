import { AccessRule, AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';
import { CUSTOMER_360_READERS, CUSTOMER_OPENERS, ORDER_READERS } from './roles';

/**
 * Who may run each of sales's operations (and read its sensitive fields). The resolvers' @Authorized lists
 * enforce this; apps/security-e2e walks the composed supergraph for every role and compares with it.
 */
export const salesAccess = defineAccessTable({
  service: 'sales',
  Query: {
    areaTolerancePercent: ['SALES', 'SUPERVISOR', 'ADMIN'],
    churnReport: ['SUPERVISOR', 'ADMIN'],
    contract: ['SALES', 'SUPERVISOR', 'ADMIN'],
    contracts: ['SALES', 'SUPERVISOR', 'ADMIN'],
    // The customer 360: every staff role that serves the customer; engineers without the CRM fields below.
    customer: CUSTOMER_OPENERS as AccessRule,
    customers: CUSTOMER_360_READERS as AccessRule,
    myOrders: ['PARTNER'],
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
    'Customer.region': CUSTOMER_360_READERS as AccessRule,
    'Customer.businessType': CUSTOMER_360_READERS as AccessRule,
    'Customer.scale': CUSTOMER_360_READERS as AccessRule,
    'Customer.influence': CUSTOMER_360_READERS as AccessRule,
    'Customer.grade': CUSTOMER_360_READERS as AccessRule,
    'Customer.key': CUSTOMER_360_READERS as AccessRule,
    'Customer.referredById': CUSTOMER_360_READERS as AccessRule,
    'Customer.serviceContactId': CUSTOMER_360_READERS as AccessRule,
    'Customer.contacts': CUSTOMER_360_READERS as AccessRule,
    'Customer.sites': CUSTOMER_360_READERS as AccessRule,
    // The value index's history: as the index itself, never for engineers.
    'Customer.valueHistory': CUSTOMER_360_READERS as AccessRule,
    // A card's sales side leads on to orders, contracts and its owner: office staff only, never an engineer
    // (who opens a card for the basics of the visit); a partner sees only the orders it placed itself.
    'Customer.orders': ORDER_READERS as AccessRule,
    'Customer.contracts': CUSTOMER_360_READERS as AccessRule,
    'Customer.owner': CUSTOMER_360_READERS as AccessRule,
    // Whoever reaches the order or contract; the card itself keeps its row rule (own cards, a partner's view).
    'Order.customer': [AUTHENTICATED],
    'Order.partner': [AUTHENTICATED],
    'Contract.customer': [AUTHENTICATED],
  },
});
