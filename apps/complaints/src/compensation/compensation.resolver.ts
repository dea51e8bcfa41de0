import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { Compensation } from './compensation.entity';
import { ProposeCompensationInput } from './compensation.inputs';
import { CompensationService } from './compensation.service';

@Resolver(() => Compensation)
export class CompensationResolver {
  constructor(private readonly compensation: CompensationService) {}

  @Guarded()
  @Mutation(() => Compensation, { description: 'An agent proposes compensation; it waits for a supervisor.' })
  proposeCompensation(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('input', () => ProposeCompensationInput) input: ProposeCompensationInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Compensation> {
    return this.compensation.propose(identity, complaintId, input);
  }

  @Guarded()
  @Mutation(() => Compensation, { description: 'Approved: CompensationApproved goes out (engineer-network claws back what the engineer pays).' })
  approveCompensation(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { identity }: RequestContext,
  ): Promise<Compensation> {
    return this.compensation.approve(identity, id, note);
  }

  @Guarded()
  @Mutation(() => Compensation)
  rejectCompensation(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { identity }: RequestContext,
  ): Promise<Compensation> {
    return this.compensation.reject(identity, id, note);
  }
}
