import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';
import { ComplaintStatus, ComplaintStatusEnum } from './complaint.entity';

export const ComplaintActions = [
  'FILED',
  'REPEATED_INTAKE',
  'ASSIGNED',
  'CONTACTED',
  'INVESTIGATION_STARTED',
  'WAITING_ON_CUSTOMER',
  'CUSTOMER_RESPONDED',
  'LIABILITY_DETERMINED',
  'OPINION_GIVEN',
  'COMPENSATION_PROPOSED',
  'COMPENSATION_APPROVED',
  'COMPENSATION_REJECTED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export type ComplaintAction = (typeof ComplaintActions)[number];
export const ComplaintActionEnum = defineEnum(ComplaintActions, 'ComplaintAction', 'What was done in one step of handling.');

/** Every step is on record — who, when, what, what the customer was told — for later analysis. */
@ObjectType({ description: 'One step in handling a complaint.' })
@Entity('complaint_step')
@Index('ix_complaint_step_complaint', ['complaintId', 'at'])
export class ComplaintStep {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  complaintId: string;

  @Field(() => ComplaintActionEnum)
  @Column({ type: 'text' })
  action: ComplaintAction;

  @Field(() => ComplaintStatusEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatusEnum)
  @Column({ type: 'text' })
  toStatus: ComplaintStatus;

  @Field({ description: 'Who did it (staff id, or the service for automatic steps).' })
  @Column({ type: 'text' })
  actorId: string;

  @Field()
  @Column({ type: 'text' })
  actorName: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field(() => String, { nullable: true, description: 'What was done or said: the content of a contact, a reason, a note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The solution proposed to the customer in this step, if any.' })
  @Column({ type: 'text', nullable: true })
  proposedSolution: string | null;
}
