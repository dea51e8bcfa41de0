import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { Customer } from './customers/customer.entity';
import { CustomersService } from './customers/customers.service';
import { salesMigrations } from './migrations';
import { Order } from './orders/order.entity';
import { OrderResolver } from './orders/order.resolver';
import { OrdersService } from './orders/orders.service';
import { Partner } from './partners/partner.entity';
import { PartnerResolver } from './partners/partner.resolver';
import { PartnersService } from './partners/partners.service';

export const salesService: ServiceDefinition = {
  name: 'sales',
  defaultPort: 4001,
  entities: [Partner, Customer, Order],
  migrations: salesMigrations,
  resolvers: [PartnerResolver, OrderResolver],
  orphanedTypes: [Customer, Partner],
  referenceResolvers: (container) => ({
    Order: batchedReference(Order, (ids) => container.get(OrdersService).findByIds(ids)),
    Customer: batchedReference(Customer, (ids) => container.get(CustomersService).findByIds(ids)),
    Partner: batchedReference(Partner, (ids) => container.get(PartnersService).findByIds(ids)),
  }),
};
