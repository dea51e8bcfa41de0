import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const QualityRecordKinds = ['EVALUATION', 'INSPECTION', 'SURVEY', 'COMPLAINT'] as const;
export type QualityRecordKind = (typeof QualityRecordKinds)[number];
export const QualityRecordKindEnum = defineEnum(
  QualityRecordKinds,
  'QualityRecordKind',
  "A source of quality data: the customer's evaluation of a job, a supervisor's inspection, a satisfaction survey, a complaint.",
);

/**
 * One piece of quality data about a customer's service and, when known, the engineer who gave it. Scores
 * are kept on one 0–100 scale so every source can be combined into the quality factor.
 */
@ObjectType({ description: 'One piece of quality data: an evaluation, an inspection, a survey answer or a complaint.' })
@Entity('quality_record')
// The evaluation of a job, a complaint: one each, however often asked or republished.
@Index('uq_quality_record_source', ['sourceRef'], { unique: true })
@Index('ix_quality_record_customer', ['customerId'])
@Index('ix_quality_record_engineer', ['engineerId'])
export class QualityRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => QualityRecordKindEnum)
  @Column({ type: 'text' })
  kind: QualityRecordKind;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  engineerId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Column({ type: 'text', nullable: true })
  sourceRef: string | null;

  @Field(() => Int, { nullable: true, description: 'On a 0–100 scale (a 1–5 rating r counts as (r − 1) × 25); none for a complaint.' })
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Field(() => Boolean, { nullable: true, description: 'An evaluation given within the window after completion.' })
  @Column({ type: 'boolean', nullable: true })
  timely: boolean | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field()
  @Column({ type: 'text' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
