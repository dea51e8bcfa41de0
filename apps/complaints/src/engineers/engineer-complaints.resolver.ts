import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { complaintsBy } from '../complaints/complaints-by';
import { ComplaintsService } from '../complaints/complaints.service';
import { Engineer } from './engineer.entity';

@Resolver(() => Engineer)
export class EngineerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: "Complaints about the engineer's jobs, newest first." })
  complaints(@Root() engineer: Engineer, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'engineerId', engineer.id, info);
  }
}
