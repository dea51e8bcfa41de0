import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { complaintsBy } from '../complaints/complaints-by';
import { ComplaintsService } from '../complaints/complaints.service';
import { Customer } from './customer.entity';

@Resolver(() => Customer)
export class CustomerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: "The customer's complaints, newest first." })
  complaints(@Root() customer: Customer, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Complaint[]> {
    // A list of customers asks this of each: only the columns the asked fields read (a list of 100 asks `id`).
    return complaintsBy(this.complaintService, context, 'customerId', customer.id, info);
  }
}
