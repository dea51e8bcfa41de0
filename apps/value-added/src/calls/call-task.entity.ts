import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AgentTier, CallOutcome, CallOutcomes, CallTaskKind, CallTaskKinds } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';
import { AgentTierEnum } from '../agents/agent.entity';

export const CallTaskStatuses = ['OPEN', 'CLOSED', 'CANCELLED'] as const;
export type CallTaskStatus = (typeof CallTaskStatuses)[number];

/** What became of an order on site, marked on the task that sold it. */
export const SiteOutcomes = ['REPLACED', 'REFUSED_AT_DOOR', 'REFUSED_TO_PAY', 'CANCELLED'] as const;
export type SiteOutcome = (typeof SiteOutcomes)[number];

export const CallTaskKindEnum = defineEnum(
  CallTaskKinds,
  'CallTaskKind',
  'REMINDER: consumables due; FOLLOW_UP: a sales-tier call to a customer who said they are interested.',
);
export const CallTaskStatusEnum = defineEnum(
  CallTaskStatuses,
  'CallTaskStatus',
  'OPEN in a queue; CLOSED by an outcome; CANCELLED when the customer may not be called.',
);
export const CallOutcomeEnum = defineEnum(CallOutcomes, 'CallOutcome', 'What came of a call.');
export const SiteOutcomeEnum = defineEnum(SiteOutcomes, 'SiteOutcome', 'What came of the replacement visit an order led to.');

/** Higher first in a queue: interested customers, then high value, then plain reminders. */
export const FOLLOW_UP_PRIORITY = 0;

@ObjectType({ description: "A call to make: a customer's consumables are due, or they said they are interested." })
@Entity('call_task')
// One reminder task per device, due date and day: a second run that day, or a rerun after a crash, inserts nothing.
@Index('uq_call_task_reminder', ['deviceId', 'dueOn', 'openedOn'], { unique: true, where: `kind = 'REMINDER'` })
// An interested customer is followed up once per call that found them interested.
@Index('uq_call_task_follow_up', ['parentTaskId'], { unique: true, where: `parent_task_id IS NOT NULL` })
@Index('ix_call_task_agent_status', ['agentId', 'status'])
@Index('ix_call_task_device_status', ['deviceId', 'status'])
@Index('ix_call_task_status_agent', ['status', 'tier'], { where: `agent_id IS NULL` })
export class CallTask {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => CallTaskKindEnum)
  @Column({ type: 'text' })
  kind: CallTaskKind;

  @Field(() => AgentTierEnum, { description: 'Which tier of agent works it.' })
  @Column({ type: 'text' })
  tier: AgentTier;

  @Field(() => CallTaskStatusEnum)
  @Column({ type: 'text', default: 'OPEN' })
  status: CallTaskStatus;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  deviceId: string;

  @Field(() => [String], { description: 'The stages due, to offer on the call.' })
  @Column({ type: 'text', array: true })
  stages: string[];

  @Field(() => CalendarDateScalar, { description: 'When the reminder fell due.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => CalendarDateScalar, { description: 'The day the task was opened (the daily run, or the interested call).' })
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => ID, { nullable: true, description: 'The agent whose queue it is in; null while every agent of the tier is full.' })
  @Column({ type: 'text', nullable: true })
  agentId: string | null;

  @Field(() => Int, { description: 'Calls made on this task.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'Not to be called again before this (after no answer).' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => CallOutcomeEnum, { nullable: true, description: 'The latest call outcome.' })
  @Column({ type: 'text', nullable: true })
  outcome: CallOutcome | null;

  @Field(() => SiteOutcomeEnum, { nullable: true, description: 'For an ORDERED task: what happened on site.' })
  @Column({ type: 'text', nullable: true })
  siteOutcome: SiteOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  replacementOrderId: string | null;

  /** The reminder whose call found the customer interested. */
  @Column({ type: 'uuid', nullable: true })
  parentTaskId: string | null;

  /** 0 follow-up, 1 high value, 2 plain reminder: the order tasks are handed out and worked in. */
  @Column({ type: 'int', default: 2 })
  priority: number;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
