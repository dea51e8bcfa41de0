import { AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';

/**
 * Who may run each of complaints' operations (and read the complaint lists it adds to other services'
 * entities): the only place its permissions are written. Resolvers carry a bare @Guarded() and the auth
 * checker of libs/subgraph enforces this table; apps/security-e2e walks the
 * composed supergraph for every role and compares with it.
 */
export const complaintsAccess = defineAccessTable({
  service: 'complaints',
  Query: {
    brandInsurances: ['SUPERVISOR', 'ADMIN'],
    businessHolidays: ['SUPERVISOR', 'ADMIN'],
    complaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    complaintInbox: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    complaintKpis: ['SUPERVISOR', 'ADMIN'],
    complaintSettingsHistory: ['SUPERVISOR', 'ADMIN'],
    complaintTrend: ['SUPERVISOR', 'ADMIN'],
    dispute: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'SALES', 'DISPATCHER'],
    disputes: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'SALES', 'DISPATCHER'],
    hotlineAnswerRates: ['SUPERVISOR', 'ADMIN'],
    nextSlaDeadlines: ['SUPERVISOR', 'ADMIN'],
    openCallbacks: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    // A partner brand reads only its own brand's report (the resolver pins the brand to the caller).
    productIssueReport: ['SUPERVISOR', 'ADMIN', 'COMPLAINTS_AGENT', 'PARTNER'],
    slaPolicies: ['SUPERVISOR', 'ADMIN'],
  },
  Mutation: {
    approveCompensation: ['SUPERVISOR', 'ADMIN'],
    assignComplaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    closeComplaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    completeCallback: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    customerResponded: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    // The settings complaints runs on change only by an ADMIN, each change on record (complaintSettingsHistory).
    defineSlaPolicy: ['ADMIN'],
    determineLiability: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    fileComplaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    fileDisputeEvidence: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'SALES', 'DISPATCHER'],
    giveOpinion: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    openDispute: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'SALES'],
    proposeCompensation: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    recordContact: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    recordHotlineCall: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    rejectCompensation: ['SUPERVISOR', 'ADMIN'],
    removeBusinessHoliday: ['ADMIN'],
    reopenComplaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    resolveComplaint: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    ruleDispute: ['SUPERVISOR', 'ADMIN'],
    setBrandInsurance: ['ADMIN'],
    setBusinessHoliday: ['ADMIN'],
    startInvestigation: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
    waitForCustomer: ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'],
  },
  // What a customer, an order, a job or an engineer complained about: the care team, dispatch and sales — never a partner
  // or an engineer (an engineer's own complaints reach them as held pay, not as the customer's words).
  fields: {
    'Customer.complaints': ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    'Order.complaints': ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    'WorkOrder.complaints': ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    'Engineer.complaints': ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    // Whoever reaches the complaint; the card itself keeps sales' row rule (a salesperson's own cards).
    'Complaint.customer': [AUTHENTICATED],
  },
});
