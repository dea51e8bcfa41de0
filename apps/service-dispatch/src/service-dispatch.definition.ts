import {
  AreaMeasured,
  BackupEngineerFound,
  ComplaintFiled,
  ContractSigned,
  CustomerQualityChanged,
  CustomerProfileChanged,
  CustomerRegistered,
  CustomerValueChanged,
  EngineerAvailabilityChanged,
  EngineerProfileChanged,
  EngineerRegistered,
  EvaluationSubmitted,
  LiabilityDetermined,
  OrderPlaced,
  ReplacementOrdered,
  SelfInstallAccepted,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderCompleted,
  WorkOrderCreated,
  WorkOrderRescheduled,
  WorkOrderUnassignable,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import { on } from '@aftercare/messaging';
import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { serviceDispatchAccess } from './access-table';
import { CompletionRecord } from './completion/completion-record.entity';
import { CompletionResolver } from './completion/completion.resolver';
import { ReturnVisit } from './completion/return-visit.entity';
import { ContractVisitsResolver } from './contracts/contract-visits.resolver';
import { ContractVisitsService } from './contracts/contract-visits.service';
import { ServiceContract } from './contracts/service-contract.entity';
import { Customer } from './customers/customer.entity';
import { CustomerCard } from './read-models/customer-card.entity';
import { CustomerCardsService } from './customers/customer-cards.service';
import { CustomerEngineersResolver } from './customers/customer-engineers.resolver';
import { CustomerValue } from './read-models/customer-value.entity';
import { CustomerValuesService } from './customers/customer-values.service';
import { CustomerWorkOrdersResolver } from './customers/customer-work-orders.resolver';
import { DispatchResolver } from './dispatch/dispatch.resolver';
import { DispatchService } from './dispatch/dispatch.service';
import { Engineer } from './engineers/engineer.entity';
import { EngineerWorkOrdersResolver } from './engineers/engineer-work-orders.resolver';
import { RosterEngineer } from './read-models/roster-engineer.entity';
import { RosterService } from './engineers/roster.service';
import { serviceDispatchMigrations } from './migrations';
import { Order } from './orders/order.entity';
import { OrderWorkOrdersResolver } from './orders/order-work-orders.resolver';
import { CustomerQuality } from './quality/customer-quality.entity';
import { CustomerQualityResolver, EngineerQualityResolver } from './quality/quality-factor.resolvers';
import { QualityRecord } from './quality/quality-record.entity';
import { QualityResolver } from './quality/quality.resolver';
import { QualityService } from './quality/quality.service';
import { WorkOrder } from './work-orders/work-order.entity';
import { WorkOrderResolver } from './work-orders/work-order.resolver';
import { WorkOrderBoardResolver } from './work-orders/work-order-board.resolver';
import { WorkOrderSourcesService } from './work-orders/work-order-sources.service';
import { WorkOrderTransition } from './work-orders/work-order-transition.entity';
import { WorkOrdersService } from './work-orders/work-orders.service';

export const serviceDispatchService: ServiceDefinition = {
  name: 'service-dispatch',
  access: serviceDispatchAccess,
  defaultPort: 4002,
  entities: [
    WorkOrder,
    WorkOrderTransition,
    RosterEngineer,
    CustomerValue,
    ServiceContract,
    CompletionRecord,
    ReturnVisit,
    QualityRecord,
    CustomerQuality,
    CustomerCard,
  ],
  migrations: serviceDispatchMigrations,
  resolvers: [
    WorkOrderResolver,
    DispatchResolver,
    ContractVisitsResolver,
    CompletionResolver,
    QualityResolver,
    OrderWorkOrdersResolver,
    CustomerWorkOrdersResolver,
    EngineerWorkOrdersResolver,
    CustomerQualityResolver,
    EngineerQualityResolver,
    WorkOrderBoardResolver,
    CustomerEngineersResolver,
  ],
  orphanedTypes: [Order, Customer, Engineer, WorkOrder],
  referenceResolvers: (container) => ({
    WorkOrder: batchedReference(WorkOrder, (ids) => container.get(WorkOrdersService).findByIds(ids)),
  }),
  publishes: [
    AreaMeasured,
    CustomerQualityChanged,
    EvaluationSubmitted,
    SelfInstallAccepted,
    WorkOrderAssigned,
    WorkOrderCancelled,
    WorkOrderCompleted,
    WorkOrderCreated,
    WorkOrderRescheduled,
    WorkOrderUnassignable,
    WorkOrderVerified,
  ],
  eventHandlers: (container) => {
    const sources = () => container.get(WorkOrderSourcesService);
    const roster = () => container.get(RosterService);
    return [
      on(OrderPlaced, async (event, manager) => {
        await container.get(CustomerCardsService).orderPlaced(event.payload, manager);
        await container.get(WorkOrdersService).createInstallFor(event, manager);
      }),
      on(CustomerRegistered, (event, manager) => container.get(CustomerCardsService).cardChanged(event.payload, manager)),
      on(CustomerProfileChanged, (event, manager) => container.get(CustomerCardsService).cardChanged(event.payload, manager)),
      on(ReplacementOrdered, (event, manager) => sources().replacementOrdered(event, manager)),
      on(ContractSigned, (event, manager) => container.get(ContractVisitsService).contractSigned(event, manager)),
      on(LiabilityDetermined, (event, manager) => sources().liabilityDetermined(event, manager)),
      on(EngineerRegistered, (event, manager) => roster().profileChanged(event, manager)),
      on(EngineerProfileChanged, (event, manager) => roster().profileChanged(event, manager)),
      on(EngineerAvailabilityChanged, (event, manager) => roster().availabilityChanged(event, manager)),
      on(BackupEngineerFound, (event, manager) => container.get(DispatchService).backupFound(event, manager)),
      on(CustomerValueChanged, (event, manager) => container.get(CustomerValuesService).valueChanged(event, manager)),
      on(ComplaintFiled, (event, manager) => container.get(QualityService).complaintFiled(event, manager)),
    ];
  },
};
