import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SlaClockKind, SlaClockKinds } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';
import { SlaTimeBase, SlaTimeBaseEnum } from './sla-policy.entity';

export const SlaClockKindEnum = defineEnum(SlaClockKinds, 'SlaClockKind', 'Which target a clock measures.');

/**
 * One target of one complaint, with its deadlines stored: the sweep works from these rows alone, so a
 * restart loses nothing, and `warnedAt` / `breachedAt` are claimed by one instance only.
 */
@ObjectType({ description: 'One SLA target of a complaint and how it stands.' })
@Entity('sla_clock')
@Index('uq_sla_clock', ['complaintId', 'kind', 'round'], { unique: true })
@Index('ix_sla_clock_running', ['dueAt'], { where: '"stopped_at" IS NULL' })
export class SlaClock {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  complaintId: string;

  @Field(() => SlaClockKindEnum)
  @Column({ type: 'text' })
  kind: SlaClockKind;

  @Field(() => Int, { description: '0, then one more for each reopening.' })
  @Column({ type: 'int', default: 0 })
  round: number;

  @Column({ type: 'uuid', nullable: true })
  policyId: string | null;

  @Field({ description: 'The 48-hour handling-opinion rule rather than the policy set this deadline.' })
  @Column({ type: 'boolean', default: false })
  fortyEightHourRule: boolean;

  @Field(() => SlaTimeBaseEnum)
  @Column({ type: 'text' })
  countedIn: SlaTimeBase;

  @Field({ description: "Business hours skip public holidays on this clock (a back-office target whose policy says so); never on the hotline's." })
  @Column({ type: 'boolean', default: false })
  observesHolidays: boolean;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  warnAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pausedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the target was met (or the clock otherwise ended).' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  stoppedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  warnedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  breachedAt: Date | null;
}
