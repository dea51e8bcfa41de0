import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChurnAttribution, ChurnAttributions } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';
import { ChurnReason, ChurnReasonEnum } from './churn-reason';

export const ChurnAttributionEnum = defineEnum(
  ChurnAttributions,
  'ChurnAttribution',
  'Who lost the customer: service, sales, price, or nobody (uncontrollable).',
);

@ObjectType({ description: 'The data a churn attribution was decided on.' })
export class ChurnEvidence {
  @Field(() => Int, { nullable: true })
  qualityFactor: number | null;

  @Field(() => Int)
  complaints: number;

  @Field(() => Int)
  contactsLast90Days: number;

  @Field(() => Int)
  visitsLast90Days: number;

  @Field(() => Date, { nullable: true })
  lastContactAt: Date | null;

  @Field()
  serviceFellShort: boolean;

  @Field()
  salesFellShort: boolean;

  @Field()
  explanation: string;
}

/** A lost customer: one record per card. */
@ObjectType({ description: 'A lost customer, why, and who it is attributed to.' })
@Entity('churn_record')
@Index('ix_churn_record_churned_on', ['churnedOn'])
export class ChurnRecord {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Field(() => ChurnReasonEnum)
  @Column({ type: 'text' })
  reason: ChurnReason;

  @Field()
  @Column({ type: 'boolean' })
  controllable: boolean;

  @Field(() => CalendarDateScalar)
  @Column({ type: 'date' })
  churnedOn: string;

  @Field()
  @Column({ type: 'text' })
  notes: string;

  @Field(() => ChurnAttributionEnum)
  @Column({ type: 'text' })
  attribution: ChurnAttribution;

  @Field(() => ChurnEvidence)
  @Column({ type: 'jsonb' })
  evidence: ChurnEvidence;

  @Field()
  @Column({ type: 'text' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
