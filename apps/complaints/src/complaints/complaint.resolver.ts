import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { byIdLoader, notFound, RequestContext } from '@aftercare/subgraph';
import { Complaint } from './complaint.entity';
import { FileComplaintInput } from './complaint.inputs';
import { ComplaintsService } from './complaints.service';

const COMPLAINT_HANDLERS = ['COMPLAINTS_AGENT', 'SUPERVISOR', 'ADMIN'];

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
  async complaint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Complaint> {
    const complaint = await byIdLoader(context, Complaint, (ids) => this.complaints.findByIds(ids)).load(id);
    if (!complaint) throw notFound('Complaint', id);
    return complaint;
  }
}
