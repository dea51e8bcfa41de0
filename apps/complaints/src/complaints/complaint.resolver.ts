import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { COMPLAINT_HANDLERS } from '../roles';
import { Complaint } from './complaint.entity';
import { FileComplaintInput } from './complaint.inputs';
import { ComplaintsService } from './complaints.service';

@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(private readonly complaints: ComplaintsService) {}

  @Authorized(...COMPLAINT_HANDLERS)
  @Mutation(() => Complaint, { description: 'Takes in a complaint; it starts RECEIVED, with the 48-hour clock running if liability is involved.' })
  fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput): Promise<Complaint> {
    return this.complaints.file(input);
  }

  @Authorized(...COMPLAINT_HANDLERS)
  @Query(() => Complaint)
  complaint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Complaint> {
    return loadOrNotFound(context, Complaint, 'Complaint', id, (ids) => this.complaints.findByIds(ids));
  }
}
