import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { complaintsBy, NEWEST_FIRST } from '../complaints/complaints-by';
import { ComplaintsService } from '../complaints/complaints.service';
import { Order } from './order.entity';

@Resolver(() => Order)
export class OrderComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: NEWEST_FIRST })
  complaints(@Root() order: Order, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'orderId', order.id, info);
  }
}
