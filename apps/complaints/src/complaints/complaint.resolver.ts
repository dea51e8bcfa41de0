import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, ConnectionType, groupLoader, Guarded, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { Compensation } from '../compensation/compensation.entity';
import { CompensationService } from '../compensation/compensation.service';
import { Customer } from '../customers/customer.entity';
import { SlaClock } from '../sla/sla-clock.entity';
import { SlaService } from '../sla/sla.service';
import { Complaint } from './complaint.entity';
import { ComplaintStep } from './complaint-step.entity';
import {
  CloseComplaintInput,
  DetermineLiabilityInput,
  FileComplaintInput,
  GiveOpinionInput,
  InboxArgs,
  RecordContactInput,
  ResolveComplaintInput,
} from './complaint.inputs';
import { ComplaintsService } from './complaints.service';

@ObjectType()
export class ComplaintConnection extends ConnectionType(Complaint) {}

const STEPS = Symbol('complaintSteps');
const CLOCKS = Symbol('complaintClocks');
const COMPENSATIONS = Symbol('complaintCompensations');

const NOTE = { nullable: true } as const;

@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly sla: SlaService,
    private readonly compensation: CompensationService,
  ) {}

  @Guarded()
  @Mutation(() => Complaint, {
    description: 'Takes in a complaint (RECEIVED, clocks running). The same customer and work order while still open returns the open complaint, counted once.',
  })
  fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() { identity }: RequestContext): Promise<Complaint> {
    return this.complaints.file(identity, input);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'Gives the complaint to an agent ("me" for oneself).' })
  assignComplaint(@Arg('id', () => ID) id: string, @Arg('assigneeId') assigneeId: string, @Ctx() { identity }: RequestContext): Promise<Complaint> {
    return this.complaints.assign(identity, id, assigneeId);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'A contact with the customer, with what was said; the first meets the first-contact target.' })
  recordContact(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RecordContactInput) input: RecordContactInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.recordContact(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Complaint)
  startInvestigation(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.startInvestigation(identity, id, note?.slice(0, 4000) ?? null);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'Waiting on the customer: the SLA clocks pause.' })
  waitForCustomer(@Arg('id', () => ID) id: string, @Arg('note') note: string, @Ctx() { identity }: RequestContext): Promise<Complaint> {
    return this.complaints.waitForCustomer(identity, id, note.slice(0, 4000));
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'The customer answered: the SLA clocks resume with the time they had left.' })
  customerResponded(@Arg('id', () => ID) id: string, @Arg('note') note: string, @Ctx() { identity }: RequestContext): Promise<Complaint> {
    return this.complaints.customerResponded(identity, id, note.slice(0, 4000));
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'Who is liable; INSTALLATION asks dispatch for a rework and records it against the engineer.' })
  determineLiability(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DetermineLiabilityInput) input: DetermineLiabilityInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.determineLiability(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'The handling opinion (owed within 48 hours when liability or compensation is at stake).' })
  giveOpinion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => GiveOpinionInput) input: GiveOpinionInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.giveOpinion(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Complaint, {
    description: "Resolved: releases the engineer's held pay. OPINION_REQUIRED when liability is involved and no opinion was given.",
  })
  resolveComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ResolveComplaintInput) input: ResolveComplaintInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.resolve(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: "Closed with the customer's satisfaction; COMPENSATION_PENDING while a compensation awaits a supervisor." })
  closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CloseComplaintInput) input: CloseComplaintInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<Complaint> {
    return this.complaints.close(identity, id, input);
  }

  @Guarded()
  @Mutation(() => Complaint, { description: 'A resolved or closed complaint back to INVESTIGATING, with a new resolution clock.' })
  reopenComplaint(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() { identity }: RequestContext): Promise<Complaint> {
    return this.complaints.reopen(identity, id, reason.slice(0, 4000));
  }

  @Guarded()
  @Query(() => Complaint)
  complaint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Complaint> {
    return loadOrNotFound(context, Complaint, 'Complaint', id, (ids) => this.complaints.findByIds(ids));
  }

  @Guarded()
  @Query(() => ComplaintConnection, { description: "The agent's inbox: open complaints, newest first." })
  complaintInbox(@Args(() => InboxArgs) args: InboxArgs, @Ctx() { identity }: RequestContext): Promise<ComplaintConnection> {
    return this.complaints.inbox(identity, args);
  }

  @Guarded()
  @Query(() => [SlaClock], { description: 'Running SLA targets nearest their deadline first: what breaches next.' })
  nextSlaDeadlines(@Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<SlaClock[]> {
    return this.sla.nextDue(Math.min(Math.max(first, 1), 200));
  }

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => Customer, { description: 'The customer card, resolved by sales.' })
  customer(@Root() complaint: Complaint): Customer {
    return { id: complaint.customerId };
  }

  @FieldResolver(() => [ComplaintStep], { description: 'Every step on record, oldest first.' })
  steps(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<ComplaintStep[]> {
    return groupLoader<string, ComplaintStep>(
      loaders,
      STEPS,
      (ids) => this.complaints.stepsOf(ids),
      (step) => step.complaintId,
    ).load(complaint.id);
  }

  @FieldResolver(() => [SlaClock], { description: 'The SLA targets, soonest first.' })
  slaClocks(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<SlaClock[]> {
    return this.clocks(loaders, complaint);
  }

  /** Not a copy kept on the complaint: the OPINION clock's own deadline, so a pause that moves the clock moves this. */
  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "When the handling opinion is due: the OPINION clock's deadline (the earlier of the policy and the 48-hour rule), moved on by the time spent waiting on the customer.",
  })
  async opinionDueAt(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    const opinion = (await this.clocks(loaders, complaint)).filter((clock) => clock.kind === 'OPINION').sort((a, b) => b.round - a.round)[0];
    return opinion?.dueAt ?? null;
  }

  private clocks(loaders: RequestContext['loaders'], complaint: Complaint): Promise<SlaClock[]> {
    return groupLoader<string, SlaClock>(
      loaders,
      CLOCKS,
      (ids) => this.sla.clocksOf(ids),
      (clock) => clock.complaintId,
    ).load(complaint.id);
  }

  @FieldResolver(() => [Compensation])
  compensations(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Compensation[]> {
    return groupLoader<string, Compensation>(
      loaders,
      COMPENSATIONS,
      (ids) => this.compensation.ofComplaints(ids),
      (item) => item.complaintId,
    ).load(complaint.id);
  }
}

@Resolver(() => SlaClock)
export class SlaClockResolver {
  constructor(private readonly complaints: ComplaintsService) {}

  @FieldResolver(() => Complaint)
  async complaint(@Root() clock: SlaClock, @Ctx() context: RequestContext): Promise<Complaint> {
    return (await byIdLoader(context, Complaint, (ids) => this.complaints.findByIds(ids)).load(clock.complaintId))!;
  }
}
