import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';

export const ReturnVisitOutcomes = ['OK', 'PROBLEM', 'PAYMENT_DISPUTE'] as const;
export type ReturnVisitOutcome = (typeof ReturnVisitOutcomes)[number];
export const ReturnVisitOutcomeEnum = defineEnum(ReturnVisitOutcomes, 'ReturnVisitOutcome', 'What the callback to the customer found.');

/** The callback after a completion: only an OK verifies the work order and so releases the engineer's pay. */
@ObjectType({ description: 'A callback task to the customer after a completed job.' })
@Entity('return_visit')
// One open callback per work order; a reopened and completed-again job gets a new one.
@Index('uq_return_visit_open', ['workOrderId'], { unique: true, where: 'outcome IS NULL' })
@Index('ix_return_visit_due', ['dueOn'], { where: 'outcome IS NULL' })
export class ReturnVisit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => ReturnVisitOutcomeEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome: ReturnVisitOutcome | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  recordedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  recordedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
