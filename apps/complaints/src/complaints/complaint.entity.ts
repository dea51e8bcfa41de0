import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ComplaintCategories, ComplaintCategory, ComplaintChannel, ComplaintChannels, LiabilityParties, LiabilityParty } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const ComplaintStatuses = ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN', 'RESOLVED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

export const ComplaintPriorities = ['NORMAL', 'URGENT'] as const;
export type ComplaintPriority = (typeof ComplaintPriorities)[number];

export const OPEN_STATUSES: readonly ComplaintStatus[] = ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN'];

export const ComplaintCategoryEnum = defineEnum(ComplaintCategories, 'ComplaintCategory', 'What the customer complains about.');
export const ComplaintStatusEnum = defineEnum(ComplaintStatuses, 'ComplaintStatus', 'Where a complaint stands in handling.');
export const ComplaintChannelEnum = defineEnum(ComplaintChannels, 'ComplaintChannel', 'How the complaint reached us.');
export const ComplaintPriorityEnum = defineEnum(ComplaintPriorities, 'ComplaintPriority', 'Picks the SLA policy together with the category.');
export const LiabilityPartyEnum = defineEnum(LiabilityParties, 'LiabilityParty', 'Who is liable for what the customer complains about.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer complaint, linked to the customer and, where known, the order, work order, brand, model and engineer.' })
@Entity('complaint')
@Index('ix_complaint_order', ['orderId'])
@Index('ix_complaint_work_order', ['workOrderId'])
@Index('ix_complaint_engineer', ['engineerId'])
@Index('ix_complaint_inbox', ['createdAt', 'id'])
export class Complaint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ComplaintCategoryEnum)
  @Column({ type: 'text' })
  category: ComplaintCategory;

  @Field(() => ComplaintChannelEnum)
  @Column({ type: 'text', default: 'HOTLINE' })
  channel: ComplaintChannel;

  @Field(() => ComplaintPriorityEnum)
  @Column({ type: 'text', default: 'NORMAL' })
  priority: ComplaintPriority;

  @Field(() => ComplaintStatusEnum)
  @Column({ type: 'text', default: 'RECEIVED' })
  status: ComplaintStatus;

  @Field(() => ID)
  @Index('ix_complaint_customer')
  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Field(() => String, { nullable: true, description: 'From the order or work order: a partner order’s brand is the partner.' })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  @Field(() => ID, { nullable: true, description: 'The engineer of the work order, from dispatch.' })
  @Column({ type: 'text', nullable: true })
  engineerId: string | null;

  @Field(() => String, { nullable: true, description: 'The agent working the complaint.' })
  @Column({ type: 'text', nullable: true })
  assigneeId: string | null;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field({ description: 'What the customer was offered; on record from intake on, even before the cause is known.' })
  @Column({ type: 'text' })
  proposedSolution: string;

  @Field(() => Int, { description: 'How many times this problem came in (the same customer and work order while open).' })
  @Column({ type: 'int', default: 1 })
  intakeCount: number;

  @Field({ description: 'Liability or compensation is at stake, so a handling opinion is owed within 48 hours.' })
  @Column({ type: 'boolean' })
  involvesLiability: boolean;

  /** Set by the service, not the database, so the deadlines are computed from the very same instant. */
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  contactedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  opinionGivenAt: Date | null;

  @Field(() => LiabilityPartyEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  liability: LiabilityParty | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  responsibleDepartment: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  responsiblePerson: string | null;

  @Field(() => Boolean, { nullable: true, description: 'For product liability: whether the brand is insured (brand insurance data).' })
  @Column({ type: 'boolean', nullable: true })
  brandInsured: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Set while the clocks are paused, waiting on the customer.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  waitingOnCustomerSince: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Channel REVIEW_SITE: whether the customer withdrew the review.' })
  @Column({ type: 'boolean', nullable: true })
  reviewWithdrawn: boolean | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  closedBy: string | null;

  @Field(() => Int, { nullable: true, description: "The customer's satisfaction at close, 1–5." })
  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  customerAccepted: boolean | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  reopenCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
