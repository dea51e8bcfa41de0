import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ContractDisputeReason, ContractDisputeReasons, DisputeRuling, DisputeRulings } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const DisputeStatuses = ['OPEN', 'RULED'] as const;
export type DisputeStatus = (typeof DisputeStatuses)[number];
export const DisputeStatusEnum = defineEnum(DisputeStatuses, 'DisputeStatus');
export const DisputeReasonEnum = defineEnum(ContractDisputeReasons, 'DisputeReason', 'What sales and service disagree on.');
export const DisputeRulingEnum = defineEnum(
  DisputeRulings,
  'DisputeRuling',
  'Amend the contract, service fulfils as signed, or renegotiate with the customer.',
);

export const DisputeSides = ['SALES', 'SERVICE'] as const;
export type DisputeSide = (typeof DisputeSides)[number];
export const DisputeSideEnum = defineEnum(DisputeSides, 'DisputeSide');

/** The investigation group's case between sales and service over one contract. */
@ObjectType({ description: 'A sales-versus-service dispute over a contract; service to the customer goes on meanwhile.' })
@Entity('dispute')
@Index('uq_dispute_open_contract_reason', ['contractId', 'reason'], { unique: true, where: `"status" = 'OPEN'` })
export class Dispute {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  contractId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => DisputeReasonEnum)
  @Column({ type: 'text' })
  reason: ContractDisputeReason;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  signedAreaM2: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  measuredAreaM2: number | null;

  @Field(() => [ID], { description: 'The work orders the dispute concerns; their pay is held until the ruling.' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  workOrderIds: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DisputeStatusEnum)
  @Column({ type: 'text', default: 'OPEN' })
  status: DisputeStatus;

  @Field({ description: 'A staff id, or "sales" when sales reported it (ContractDisputed).' })
  @Column({ type: 'text' })
  openedBy: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field(() => DisputeRulingEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  ruling: DisputeRuling | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  rulingNote: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  ruledBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  ruledAt: Date | null;
}

@ObjectType({ description: 'What one side brought to the investigation.' })
@Entity('dispute_evidence')
@Index('ix_dispute_evidence_dispute', ['disputeId', 'filedAt'])
export class DisputeEvidence {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  disputeId: string;

  @Field(() => DisputeSideEnum)
  @Column({ type: 'text' })
  side: DisputeSide;

  @Field()
  @Column({ type: 'text' })
  content: string;

  @Field()
  @Column({ type: 'text' })
  filedBy: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  filedAt: Date;
}
