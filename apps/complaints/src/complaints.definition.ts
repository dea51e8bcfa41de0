import {
  CompensationApproved,
  ComplaintFiled,
  ComplaintReopened,
  ComplaintResolved,
  ComplaintSlaBreached,
  ComplaintSlaWarning,
  ContractDisputed,
  ContractSigned,
  CustomerProfileChanged,
  CustomerRegistered,
  DisputeOpened,
  DisputeRuled,
  LiabilityDetermined,
  OrderPlaced,
  WorkOrderAssigned,
  WorkOrderCompleted,
  WorkOrderCreated,
} from '@aftercare/event-contracts';
import { on } from '@aftercare/messaging';
import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { complaintsAccess } from './access-table';
import { Compensation } from './compensation/compensation.entity';
import { CompensationResolver } from './compensation/compensation.resolver';
import { BrandInsurance } from './complaints/brand-insurance.entity';
import { Complaint } from './complaints/complaint.entity';
import { ComplaintResolver, SlaClockResolver } from './complaints/complaint.resolver';
import { ComplaintStep } from './complaints/complaint-step.entity';
import { ComplaintsService } from './complaints/complaints.service';
import { Customer } from './customers/customer.entity';
import { CustomerComplaintsResolver } from './customers/customer-complaints.resolver';
import { Order } from './orders/order.entity';
import { OrderComplaintsResolver } from './orders/order-complaints.resolver';
import { WorkOrder } from './work-orders/work-order.entity';
import { WorkOrderComplaintsResolver } from './work-orders/work-order-complaints.resolver';
// Imported after Order and WorkOrder: the subgraph's SDL lists the entity stubs in the order they are declared.
import { Engineer } from './engineers/engineer.entity';
import { EngineerComplaintsResolver } from './engineers/engineer-complaints.resolver';
import { Dispute, DisputeEvidence } from './disputes/dispute.entity';
import { DisputeResolver } from './disputes/dispute.resolver';
import { DisputesService } from './disputes/disputes.service';
import { HotlineCall } from './hotline/hotline-call.entity';
import { HotlineResolver } from './hotline/hotline.resolver';
import { complaintsMigrations } from './migrations';
import { ContractFact } from './read-models/contract-fact.entity';
import { CustomerCard } from './read-models/customer-card.entity';
import { OrderFact } from './read-models/order-fact.entity';
import { ReadModelsService } from './read-models/read-models.service';
import { WorkOrderFact } from './read-models/work-order-fact.entity';
import { ReportsResolver } from './reports/reports.resolver';
import { SettingsChange } from './settings/settings-change.entity';
import { SettingsResolver } from './settings/settings.resolver';
import { BusinessHoliday } from './sla/holiday.entity';
import { SlaClock } from './sla/sla-clock.entity';
import { SlaService } from './sla/sla.service';
import { SlaPolicy } from './sla/sla-policy.entity';

export const complaintsService: ServiceDefinition = {
  name: 'complaints',
  access: complaintsAccess,
  defaultPort: 4003,
  entities: [
    Complaint,
    ComplaintStep,
    BrandInsurance,
    SlaPolicy,
    SlaClock,
    BusinessHoliday,
    Compensation,
    Dispute,
    DisputeEvidence,
    HotlineCall,
    CustomerCard,
    ContractFact,
    OrderFact,
    WorkOrderFact,
    SettingsChange,
  ],
  migrations: complaintsMigrations,
  resolvers: [
    ComplaintResolver,
    SlaClockResolver,
    CompensationResolver,
    DisputeResolver,
    HotlineResolver,
    ReportsResolver,
    SettingsResolver,
    CustomerComplaintsResolver,
    OrderComplaintsResolver,
    WorkOrderComplaintsResolver,
    EngineerComplaintsResolver,
  ],
  orphanedTypes: [Customer, Order, WorkOrder, Engineer],
  referenceResolvers: (container) => ({
    Complaint: batchedReference(Complaint, (ids) => container.get(ComplaintsService).findByIds(ids)),
  }),
  publishes: [
    ComplaintFiled,
    ComplaintReopened,
    ComplaintSlaWarning,
    ComplaintSlaBreached,
    LiabilityDetermined,
    CompensationApproved,
    ComplaintResolved,
    DisputeOpened,
    DisputeRuled,
  ],
  // Stored deadlines are swept by every instance; each warning and breach is claimed once in the database.
  background: (container) => [{ name: 'sla-sweep', intervalMs: 30_000, run: () => container.get(SlaService).sweep() }],
  eventHandlers: (container) => {
    const readModels = container.get(ReadModelsService);
    return [
      on(CustomerRegistered, ({ payload }, manager) => readModels.customerCard(payload, manager)),
      on(CustomerProfileChanged, ({ payload }, manager) => readModels.customerCard(payload, manager)),
      on(OrderPlaced, ({ payload }, manager) => readModels.orderPlaced(payload, manager)),
      on(WorkOrderCreated, ({ payload }, manager) => readModels.workOrderCreated(payload, manager)),
      on(WorkOrderAssigned, ({ payload }, manager) => readModels.workOrderEngineer(payload, manager)),
      on(WorkOrderCompleted, ({ payload }, manager) => readModels.workOrderEngineer(payload, manager)),
      on(ContractSigned, ({ payload }, manager) => readModels.contract(payload, manager)),
      on(ContractDisputed, async (event, manager) => {
        await readModels.contract(event.payload, manager);
        await container.get(DisputesService).fromContractDisputed(event, manager);
      }),
    ];
  },
};
