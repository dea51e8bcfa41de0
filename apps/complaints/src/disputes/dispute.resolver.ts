import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { Dispute, DisputeEvidence, DisputeStatus, DisputeStatusEnum } from './dispute.entity';
import { FileEvidenceInput, OpenDisputeInput, RuleDisputeInput } from './dispute.inputs';
import { DisputesService } from './disputes.service';

const EVIDENCE = Symbol('disputeEvidence');

@Resolver(() => Dispute)
export class DisputeResolver {
  constructor(private readonly disputeService: DisputesService) {}

  @Guarded()
  @Mutation(() => Dispute, { description: 'Opens a dispute by hand (bundled item, over-promise); area mismatches open from the measurement.' })
  openDispute(@Arg('input', () => OpenDisputeInput) input: OpenDisputeInput, @Ctx() { identity }: RequestContext): Promise<Dispute> {
    return this.disputeService.openByHand(identity, input);
  }

  @Guarded()
  @Mutation(() => DisputeEvidence, { description: 'Sales or service puts its side on record.' })
  fileDisputeEvidence(
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('input', () => FileEvidenceInput) input: FileEvidenceInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<DisputeEvidence> {
    return this.disputeService.fileEvidence(identity, disputeId, input);
  }

  @Guarded()
  @Mutation(() => Dispute, { description: 'The ruling, once both sides filed evidence; DisputeRuled names the contract and the work orders.' })
  ruleDispute(
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('input', () => RuleDisputeInput) input: RuleDisputeInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Dispute> {
    return this.disputeService.rule(identity, disputeId, input);
  }

  @Guarded()
  @Query(() => Dispute)
  dispute(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Dispute> {
    return loadOrNotFound(context, Dispute, 'Dispute', id, (ids) => this.disputeService.findByIds(ids));
  }

  @Guarded()
  @Query(() => [Dispute], { description: 'Newest first (up to 200).' })
  disputes(@Arg('status', () => DisputeStatusEnum, { nullable: true }) status: DisputeStatus | null): Promise<Dispute[]> {
    return this.disputeService.list(status);
  }

  @FieldResolver(() => [DisputeEvidence])
  evidence(@Root() dispute: Dispute, @Ctx() { loaders }: RequestContext): Promise<DisputeEvidence[]> {
    return groupLoader<string, DisputeEvidence>(
      loaders,
      EVIDENCE,
      (ids) => this.disputeService.evidenceOf(ids),
      (item) => item.disputeId,
    ).load(dispute.id);
  }
}
