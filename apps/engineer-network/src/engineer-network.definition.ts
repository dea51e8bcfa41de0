import {
  BackupEngineerFound,
  CompensationApproved,
  ComplaintFiled,
  ComplaintReopened,
  ComplaintResolved,
  ContractDisputed,
  DisputeRuled,
  EngineerAvailabilityChanged,
  EngineerProfileChanged,
  EngineerRegistered,
  SelfInstallAccepted,
  SelfInstallRefundApproved,
  SettlementPaid,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderUnassignable,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import { on } from '@aftercare/messaging';
import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { engineerNetworkAccess } from './access-table';
import { BackupTask } from './backup/backup-task.entity';
import { BackupTaskResolver } from './backup/backup.resolver';
import { BackupTasksService } from './backup/backup-tasks.service';
import { NeighbouringCity } from './backup/neighbouring-city.entity';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageService } from './coverage/coverage.service';
import { WorkOrderDemand } from './read-models/work-order-demand.entity';
import { Engineer } from './engineers/engineer.entity';
import { EngineerResolver } from './engineers/engineer.resolver';
import { EngineerListResolver } from './engineers/engineer-list';
import { EngineerSkill } from './engineers/engineer-skill.entity';
import { EngineersService } from './engineers/engineers.service';
import { UnavailabilityWindow } from './engineers/unavailability-window.entity';
import { engineerNetworkMigrations } from './migrations';
import { RefundResolver } from './refunds/refund.resolver';
import { RefundsService } from './refunds/refunds.service';
import { SelfInstallRefund } from './refunds/self-install-refund.entity';
import { Payout, PayoutBatch } from './settlement/payout.entity';
import { PayoutBatchResolver, PayoutResolver } from './settlement/payout.resolver';
import { PayoutBatchListResolver } from './settlement/payout-batch-list';
import { SettlementHold } from './settlement/settlement-hold.entity';
import { SettlementLine } from './settlement/settlement-line.entity';
import { SettlementResolver } from './settlement/settlement.resolver';
import { SettlementService } from './settlement/settlement.service';
import { Tariff } from './settlement/tariff.entity';
import { TariffResolver } from './settlement/tariff.resolver';

export const engineerNetworkService: ServiceDefinition = {
  name: 'engineer-network',
  access: engineerNetworkAccess,
  defaultPort: 4004,
  entities: [
    Engineer,
    EngineerSkill,
    UnavailabilityWindow,
    Tariff,
    SettlementLine,
    SettlementHold,
    PayoutBatch,
    Payout,
    BackupTask,
    NeighbouringCity,
    SelfInstallRefund,
    WorkOrderDemand,
  ],
  migrations: engineerNetworkMigrations,
  resolvers: [
    EngineerResolver,
    TariffResolver,
    SettlementResolver,
    PayoutBatchResolver,
    PayoutResolver,
    BackupTaskResolver,
    RefundResolver,
    CoverageResolver,
    EngineerListResolver,
    PayoutBatchListResolver,
  ],
  referenceResolvers: (container) => ({
    Engineer: batchedReference(Engineer, (ids) => container.get(EngineersService).findByIds(ids)),
  }),
  publishes: [BackupEngineerFound, EngineerAvailabilityChanged, EngineerProfileChanged, EngineerRegistered, SelfInstallRefundApproved, SettlementPaid],
  eventHandlers: (container) => {
    const settlement = container.get(SettlementService);
    const backupTasks = container.get(BackupTasksService);
    const coverage = container.get(CoverageService);
    return [
      on(WorkOrderUnassignable, async (event, manager) => {
        await backupTasks.open(event, manager);
        await coverage.recordUnplaced(event, manager);
      }),
      on(WorkOrderAssigned, async (event, manager) => {
        await backupTasks.close(event.payload, manager);
        await coverage.recordAssigned(event, manager);
      }),
      on(WorkOrderCancelled, (event, manager) => backupTasks.close(event.payload, manager)),
      on(SelfInstallAccepted, (event, manager) => container.get(RefundsService).approve(event, manager)),
      on(WorkOrderVerified, (event, manager) => settlement.recordVerifiedJob(event.payload, manager)),
      on(CompensationApproved, (event, manager) => settlement.recordClawback(event.payload, manager)),
      on(ComplaintFiled, (event, manager) => settlement.holdForComplaint(event.payload, manager)),
      on(ComplaintResolved, (event, manager) => settlement.releaseForComplaint(event.payload, manager)),
      on(ComplaintReopened, (event, manager) => settlement.holdAgainForComplaint(event.payload, manager)),
      on(ContractDisputed, (event, manager) => settlement.holdForDispute(event.payload, manager, event.occurredAt)),
      on(DisputeRuled, (event, manager) => settlement.releaseForDispute(event.payload, manager)),
    ];
  },
};
