import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { Complaint } from './complaints/complaint.entity';
import { ComplaintStep } from './complaints/complaint-step.entity';
import { BrandInsurance } from './complaints/brand-insurance.entity';
import { Compensation } from './compensation/compensation.entity';
import { Dispute, DisputeEvidence } from './disputes/dispute.entity';
import { HotlineCall } from './hotline/hotline-call.entity';
import { CustomerCard } from './read-models/customer-card.entity';
import { OrderFact } from './read-models/order-fact.entity';
import { WorkOrderFact } from './read-models/work-order-fact.entity';
import { BusinessHoliday } from './sla/holiday.entity';
import { SlaClock } from './sla/sla-clock.entity';
import { SlaPolicy } from './sla/sla-policy.entity';
import { ComplaintResolver } from './complaints/complaint.resolver';
import { ComplaintsService } from './complaints/complaints.service';
import { Customer } from './customers/customer.entity';
import { CustomerComplaintsResolver } from './customers/customer-complaints.resolver';
import { complaintsMigrations } from './migrations';

export const complaintsService: ServiceDefinition = {
  name: 'complaints',
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
    OrderFact,
    WorkOrderFact,
  ],
  migrations: complaintsMigrations,
  resolvers: [ComplaintResolver, CustomerComplaintsResolver],
  orphanedTypes: [Customer],
  referenceResolvers: (container) => ({
    Complaint: batchedReference(Complaint, (ids) => container.get(ComplaintsService).findByIds(ids)),
  }),
};
