import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CompensationPayer, CompensationPayers } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const CompensationStatuses = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type CompensationStatus = (typeof CompensationStatuses)[number];
export const CompensationStatusEnum = defineEnum(CompensationStatuses, 'CompensationStatus');
export const CompensationPayerEnum = defineEnum(CompensationPayers, 'CompensationPayer', 'Who pays the compensation.');

/** An agent proposes, a supervisor decides. Amounts in the currency's minor unit (fen for CNY). */
@ObjectType({ description: 'Compensation offered to the customer for a complaint.' })
@Entity('compensation')
@Index('ix_compensation_complaint', ['complaintId'])
export class Compensation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  complaintId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  amountCents: number;

  @Field()
  @Column({ type: 'text', default: 'CNY' })
  currency: string;

  @Field(() => CompensationPayerEnum)
  @Column({ type: 'text' })
  payer: CompensationPayer;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => CompensationStatusEnum)
  @Column({ type: 'text', default: 'PROPOSED' })
  status: CompensationStatus;

  @Field()
  @Column({ type: 'text' })
  proposedBy: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  proposedAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;
}
