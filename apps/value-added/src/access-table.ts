import { AUTHENTICATED, defineAccessTable } from '@aftercare/subgraph';
import type { Role } from '@aftercare/identity';

/** Row rule: supervisors and admins work any agent's call task; an agent only their own. */
export const CAMPAIGN_RUNNERS: Role[] = ['SUPERVISOR', 'ADMIN'];

/**
 * Who may run each of value-added's operations (and read what it adds to the customer): the only place
 * its permissions are written. Resolvers carry a bare @Guarded() and the auth checker of libs/subgraph enforces
 * this table; apps/security-e2e walks the composed supergraph for every
 * role and compares with it.
 */
export const valueAddedAccess = defineAccessTable({
  service: 'value-added',
  Query: {
    // A partner sees only its own brand (the resolvers pin the brand to the caller).
    brandReminderServices: ['PARTNER', 'SUPERVISOR', 'ADMIN', 'VALUE_ADDED_AGENT'],
    brandReplacementFigures: ['PARTNER', 'SUPERVISOR', 'ADMIN'],
    callTask: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    callTeam: ['SUPERVISOR', 'ADMIN'],
    consumablePlan: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    consumablePlans: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'DISPATCHER', 'SALES'],
    device: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'COMPLAINTS_AGENT', 'DISPATCHER', 'SALES'],
    myCallQueue: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    teamCallQueue: ['SUPERVISOR', 'ADMIN'],
    valueAddedFunnel: ['SUPERVISOR', 'ADMIN'],
    warrantyTerms: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'COMPLAINTS_AGENT', 'DISPATCHER', 'SALES'],
  },
  Mutation: {
    changeConsumableStagePrice: ['SUPERVISOR', 'ADMIN'],
    defineConsumablePlan: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    defineWarrantyTerm: ['SUPERVISOR', 'ADMIN'],
    importInstalledBase: ['SUPERVISOR', 'ADMIN'],
    markAgentAbsent: ['SUPERVISOR', 'ADMIN'],
    reassignCallTask: ['SUPERVISOR', 'ADMIN'],
    recordCallOutcome: ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'],
    runDailyReminders: ['SUPERVISOR', 'ADMIN'],
    setCallAgent: ['SUPERVISOR', 'ADMIN'],
    // A partner opts only its own brand in or out.
    setBrandReminderService: ['PARTNER', 'SUPERVISOR', 'ADMIN'],
  },
  // A customer's machines and consumables: staff who serve the customer, never a partner or an engineer.
  fields: {
    'Customer.consumables': ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'COMPLAINTS_AGENT', 'DISPATCHER', 'SALES'],
    'Customer.nextReplacementDue': ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN', 'COMPLAINTS_AGENT', 'DISPATCHER', 'SALES'],
    // Whoever reaches the machine; the card itself keeps sales' row rule.
    'Device.customer': [AUTHENTICATED],
  },
});
