import {
  AreaMeasured,
  ContractDisputed,
  ContractSigned,
  CustomerChurned,
  CustomerProfileChanged,
  CustomerRegistered,
  CustomerValueChanged,
  DisputeOpened,
  DisputeRuled,
  OrderPlaced,
  SalespersonDeparted,
} from '@aftercare/event-contracts';
import { on } from '@aftercare/messaging';
import { batchedReference, narrowedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { salesAccess } from './access-table';
import { ChurnRecord } from './churn/churn-record.entity';
import { ChurnResolver } from './churn/churn.resolver';
import { Contract } from './contracts/contract.entity';
import { ContractResolver } from './contracts/contract.resolver';
import { ContractListResolver } from './contracts/contract-list.resolver';
import { ContractsService } from './contracts/contracts.service';
import { CustomerContractsResolver } from './contracts/customer-contracts.resolver';
import { PromiseApproval } from './contracts/promise-approval.entity';
import { PromiseApprovalRequest } from './contracts/promise-approval-request.entity';
import { PromiseApprovalRequestResolver } from './contracts/promise-approval-requests';
import { Customer } from './customers/customer.entity';
import { CustomerResolver } from './customers/customer.resolver';
import { CustomersService } from './customers/customers.service';
import { GradeChange } from './customers/grade-change.entity';
import { OwnerChange } from './customers/owner-change.entity';
import { fulfilmentHandlers } from './fulfilment/fulfilment.handlers';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { OrderRefund } from './fulfilment/order-refund.entity';
import { OrderRefundsResolver } from './fulfilment/order-refunds.resolver';
import { MaintenanceContact } from './maintenance/maintenance-contact.entity';
import { MaintenanceResolver } from './maintenance/maintenance.resolver';
import { salesMigrations } from './migrations';
import { CustomerOrdersResolver } from './orders/customer-orders.resolver';
import { Order } from './orders/order.entity';
import { OrderResolver } from './orders/order.resolver';
import { OrdersService } from './orders/orders.service';
import { PartnerApiKey } from './partners/partner-api-key.entity';
import { Partner } from './partners/partner.entity';
import { PartnerResolver } from './partners/partner.resolver';
import { PartnerListResolver } from './partners/partner-list';
import { PartnersService } from './partners/partners.service';
import { CompanySetting, PromiseTemplate, ReferenceDataChange, ReferencePrice } from './reference-data/reference-data.entities';
import { ReferenceDataResolver } from './reference-data/reference-data.resolver';
import { Salesperson } from './salespeople/salesperson.entity';
import { SalespersonResolver } from './salespeople/salesperson.resolver';
import { SalespersonListResolver } from './salespeople/salesperson-list';
import { SalespeopleService } from './salespeople/salespeople.service';
import { CustomerValue } from './value-index/customer-value.entity';
import { CustomerValueChange } from './value-index/customer-value-change.entity';
import { CustomerValueResolver } from './value-index/customer-value.resolver';
import { ValueFact } from './read-models/value-fact.entity';
import { valueIndexHandlers } from './value-index/value-index.handlers';
import { ValueIndexService } from './value-index/value-index.service';

/** Its own loader key: the filtered reference batch must never be shared with an unfiltered by-id loader. */
const CUSTOMER_REFERENCE = Symbol('customer-reference');

export const salesService: ServiceDefinition = {
  name: 'sales',
  access: salesAccess,
  defaultPort: 4001,
  entities: [
    Partner,
    PartnerApiKey,
    Customer,
    GradeChange,
    OwnerChange,
    Salesperson,
    Order,
    OrderRefund,
    ReferencePrice,
    PromiseTemplate,
    CompanySetting,
    ReferenceDataChange,
    Contract,
    PromiseApproval,
    PromiseApprovalRequest,
    MaintenanceContact,
    ValueFact,
    CustomerValue,
    CustomerValueChange,
    ChurnRecord,
  ],
  migrations: salesMigrations,
  resolvers: [
    PartnerResolver,
    OrderResolver,
    CustomerResolver,
    CustomerOrdersResolver,
    SalespersonResolver,
    ReferenceDataResolver,
    ContractResolver,
    CustomerContractsResolver,
    OrderRefundsResolver,
    MaintenanceResolver,
    CustomerValueResolver,
    ChurnResolver,
    ContractListResolver,
    SalespersonListResolver,
    PartnerListResolver,
    PromiseApprovalRequestResolver,
  ],
  orphanedTypes: [Customer, Partner, Salesperson, Contract],
  referenceResolvers: (container) => ({
    // Row rules hold through _entities too: a partner resolves only its own orders, a salesperson only own cards.
    Order: batchedReference(Order, (ids, { identity }) => container.get(OrdersService).findVisibleByIds(identity, ids)),
    Customer: narrowedReference(CUSTOMER_REFERENCE, (ids, { identity }, fields) => container.get(CustomersService).findReachable(identity, ids, fields)),
    Partner: batchedReference(Partner, (ids) => container.get(PartnersService).findByIds(ids)),
    Salesperson: batchedReference(Salesperson, (ids) => container.get(SalespeopleService).findByIds(ids)),
    Contract: batchedReference(Contract, (ids) => container.get(ContractsService).findByIds(ids)),
  }),
  publishes: [
    ContractDisputed,
    ContractSigned,
    CustomerChurned,
    CustomerProfileChanged,
    CustomerRegistered,
    CustomerValueChanged,
    OrderPlaced,
    SalespersonDeparted,
  ],
  eventHandlers: (container) => [
    ...fulfilmentHandlers(container.get(FulfilmentService)),
    ...valueIndexHandlers(container.get(ValueIndexService)),
    on(AreaMeasured, (event, manager) => container.get(ContractsService).onAreaMeasured(event, manager)),
    on(DisputeOpened, (event, manager) => container.get(ContractsService).onDisputeOpened(event, manager)),
    on(DisputeRuled, (event, manager) => container.get(ContractsService).onDisputeRuled(event, manager)),
  ],
};
