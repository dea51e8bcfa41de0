import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, RequestContext } from '@aftercare/subgraph';
import { COMPLAINT_HANDLERS } from '../roles';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintsService } from '../complaints/complaints.service';
import { Customer } from './customer.entity';

const BY_CUSTOMER = Symbol('complaintsByCustomer');

@Resolver(() => Customer)
export class CustomerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Authorized(...COMPLAINT_HANDLERS)
  @FieldResolver(() => [Complaint], { description: "The customer's complaints, newest first." })
  complaints(@Root() customer: Customer, @Ctx() { loaders }: RequestContext): Promise<Complaint[]> {
    return groupLoader<string, Complaint>(
      loaders,
      BY_CUSTOMER,
      (customerIds) => this.complaintService.findByCustomerIds(customerIds),
      (complaint) => complaint.customerId,
    ).load(customer.id);
  }
}
