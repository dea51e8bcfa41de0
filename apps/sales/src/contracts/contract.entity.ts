import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DisputeRuling, DisputeRulings } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';
import { BusinessType, BusinessTypeEnum } from '../customers/customer-profile';
import { QualityStandard, QualityStandardEnum } from '../reference-data/reference-data.entities';

export const ContractStatuses = ['PENDING_REVIEW', 'ACTIVE', 'REJECTED'] as const;
export type ContractStatus = (typeof ContractStatuses)[number];
export const DisputeRulingEnum = defineEnum(DisputeRulings, 'ContractDisputeRuling', 'How the investigation group ruled a sales-versus-service dispute.');
export const ContractStatusEnum = defineEnum(ContractStatuses, 'ContractStatus', 'A contract is reviewed before it becomes active.');

@ObjectType({ description: 'One priced service item (pest type) of a contract.' })
export class ContractServiceItem {
  @Field()
  item: string;

  @Field(() => Int, { description: 'Monthly price in fen.' })
  priceCents: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A recurring on-site service contract (PCO style).' })
@Entity('contract')
@Index('ix_contract_customer', ['customerId', 'createdAt'])
// One approval lets one contract promise more than its template, not every later one.
@Index('uq_contract_promise_approval', ['promiseApprovalId'], { unique: true, where: 'promise_approval_id IS NOT NULL' })
export class Contract {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Field({ description: 'The region whose reference prices applied.' })
  @Column({ type: 'text' })
  region: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ type: 'text' })
  siteAddress: string;

  @Field(() => BusinessTypeEnum)
  @Column({ type: 'text' })
  businessType: BusinessType;

  @Field()
  @Column({ type: 'double precision' })
  signedAreaM2: number;

  @Field(() => [ContractServiceItem])
  @Column({ type: 'jsonb' })
  serviceItems: ContractServiceItem[];

  @Field(() => Int)
  @Column({ type: 'smallint' })
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  @Column({ type: 'text' })
  qualityStandard: QualityStandard;

  @Field(() => Int, { description: 'Sum of the items, fen per month.' })
  @Column({ type: 'integer' })
  monthlyPriceCents: number;

  @Field(() => Int, { description: 'What the same items cost at reference prices, fen per month.' })
  @Column({ type: 'integer' })
  referenceMonthlyCents: number;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => ContractStatusEnum)
  @Column({ type: 'text', default: 'PENDING_REVIEW' })
  status: ContractStatus;

  @Field(() => ID, { nullable: true, description: 'The supervisor approval that allowed promising more than the template.' })
  @Column({ type: 'uuid', nullable: true })
  promiseApprovalId: string | null;

  @Field({ description: 'Low price and high cost: assessed separately.' })
  @Column({ type: 'boolean' })
  specialCustomer: boolean;

  @Field(() => [String], { description: 'Why the contract is special, if it is.' })
  @Column({ type: 'text', array: true })
  specialReasons: string[];

  @Field(() => Int, { description: 'The area tolerance in force when it was signed, percent.' })
  @Column({ type: 'smallint' })
  areaTolerancePercent: number;

  @Field(() => Number, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  measuredAreaM2: number | null;

  @Field({
    description: 'Under investigation — an area outside the tolerance, a bundled item, an over-promise, however the dispute opened; service continues.',
  })
  @Column({ type: 'boolean', default: false })
  disputed: boolean;

  @Field(() => [ID], { description: 'The disputes about this contract still open in complaints (from its DisputeOpened / DisputeRuled).' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  openDisputeIds: string[];

  /** A measured area beyond the tolerance was reported (ContractDisputed) and its ruling has not come back: reported once. */
  @Column({ type: 'boolean', default: false })
  areaMismatchReported: boolean;

  @Field(() => DisputeRulingEnum, { nullable: true, description: "Complaints' ruling on the last dispute; set when the dispute closes." })
  @Column({ type: 'text', nullable: true })
  disputeRuling: DisputeRuling | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reviewFindings: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reviewedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Field()
  @Column({ type: 'text' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
