import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { complaintsBy, NEWEST_FIRST } from '../complaints/complaints-by';
import { ComplaintsService } from '../complaints/complaints.service';
import { WorkOrder } from './work-order.entity';

@Resolver(() => WorkOrder)
export class WorkOrderComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: NEWEST_FIRST })
  complaints(@Root() workOrder: WorkOrder, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'workOrderId', workOrder.id, info);
  }
}
