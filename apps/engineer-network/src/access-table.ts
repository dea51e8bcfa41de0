import type { Role } from '@aftercare/identity';
import { AccessRule, defineAccessTable } from '@aftercare/subgraph';

/** Staff who manage every engineer of the network. */
export const ENGINEER_MANAGERS: Role[] = ['DISPATCHER', 'SUPERVISOR', 'ADMIN'];

/** An engineer records their own days off from the phone; row rule (engineer-row-rules.ts): only their own. */
const AVAILABILITY_KEEPERS: AccessRule = [...ENGINEER_MANAGERS, 'ENGINEER'];

/**
 * Who may run each of engineer-network's operations (and read its sensitive fields): the only place its
 * permissions are written. Resolvers carry a bare @Guarded() and the auth checker of libs/subgraph enforces this table; apps/security-e2e walks the composed supergraph for every role and compares with it.
 */
export const engineerNetworkAccess = defineAccessTable({
  service: 'engineer-network',
  Query: {
    backupCandidates: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    backupTask: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    backupTimeToFill: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    coverage: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    coverageGaps: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    engineer: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    engineers: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    me: ['ENGINEER'],
    myPayouts: ['ENGINEER'],
    mySettlements: ['ENGINEER'],
    openBackupTasks: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    payoutBatch: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    payoutBatches: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    selfInstallRefunds: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    settlementAwaitingPayout: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    settlementLines: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    tariffs: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
  },
  Mutation: {
    cancelEngineerUnavailability: AVAILABILITY_KEEPERS,
    certifyEngineerSkill: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    changeEngineerProfile: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    defineTariff: ['ADMIN'],
    fillBackupTask: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    markEngineerUnavailable: AVAILABILITY_KEEPERS,
    registerEngineer: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    runPayoutBatch: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
    setNeighbouringCities: ['SUPERVISOR', 'ADMIN'],
    withdrawEngineerSkill: ['DISPATCHER', 'SUPERVISOR', 'ADMIN'],
  },
});
