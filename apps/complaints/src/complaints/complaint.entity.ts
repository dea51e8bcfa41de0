import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ComplaintCategories, ComplaintCategory } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const ComplaintStatuses = ['RECEIVED', 'CONTACTED', 'INVESTIGATING', 'OPINION_GIVEN', 'RESOLVED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

export const ComplaintCategoryEnum = defineEnum(ComplaintCategories, 'ComplaintCategory', 'What the customer complains about.');
export const ComplaintStatusEnum = defineEnum(ComplaintStatuses, 'ComplaintStatus', 'Where a complaint stands in handling.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer complaint, linked to the customer and, where known, the order or work order.' })
@Entity('complaint')
export class Complaint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ComplaintCategoryEnum)
  @Column({ type: 'text' })
  category: ComplaintCategory;

  @Field(() => ComplaintStatusEnum)
  @Column({ type: 'text', default: 'RECEIVED' })
  status: ComplaintStatus;

  /** Customers, orders and work orders live in other services; complaints keeps only their ids. */
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

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field({ description: 'Liability or compensation is at stake, so a handling opinion is owed within 48 hours.' })
  @Column({ type: 'boolean' })
  involvesLiability: boolean;

  @Field(() => Date, { nullable: true, description: 'When the handling opinion is due; only for complaints involving liability.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  opinionDueAt: Date | null;

  /** Set by the service, not the database, so opinionDueAt is computed from the very same instant. */
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  receivedAt: Date;
}
