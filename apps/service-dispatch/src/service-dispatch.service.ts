import { OrderPlaced } from '@aftercare/event-contracts';
import { on } from '@aftercare/messaging';
import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { serviceDispatchMigrations } from './migrations';
import { Order } from './orders/order.entity';
import { OrderWorkOrdersResolver } from './orders/order-work-orders.resolver';
import { WorkOrder } from './work-orders/work-order.entity';
import { WorkOrderResolver } from './work-orders/work-order.resolver';
import { WorkOrdersService } from './work-orders/work-orders.service';

export const serviceDispatchService: ServiceDefinition = {
  name: 'service-dispatch',
  defaultPort: 4002,
  entities: [WorkOrder],
  migrations: serviceDispatchMigrations,
  resolvers: [WorkOrderResolver, OrderWorkOrdersResolver],
  orphanedTypes: [Order, WorkOrder],
  referenceResolvers: (container) => ({
    WorkOrder: batchedReference(WorkOrder, (ids) => container.get(WorkOrdersService).findByIds(ids)),
  }),
  eventHandlers: (container) => [
    on(OrderPlaced, (event, manager) => container.get(WorkOrdersService).createInstallFor(event, manager)),
  ],
};
