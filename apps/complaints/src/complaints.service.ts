import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { Complaint } from './complaints/complaint.entity';
import { ComplaintResolver } from './complaints/complaint.resolver';
import { ComplaintsService } from './complaints/complaints.service';
import { Customer } from './customers/customer.entity';
import { CustomerComplaintsResolver } from './customers/customer-complaints.resolver';
import { complaintsMigrations } from './migrations';

export const complaintsService: ServiceDefinition = {
  name: 'complaints',
  defaultPort: 4003,
  entities: [Complaint],
  migrations: complaintsMigrations,
  resolvers: [ComplaintResolver, CustomerComplaintsResolver],
  orphanedTypes: [Customer],
  referenceResolvers: (container) => ({
    Complaint: batchedReference(Complaint, (ids) => container.get(ComplaintsService).findByIds(ids)),
  }),
};
