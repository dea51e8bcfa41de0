import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CustomerValueTier, CustomerValueTiers } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const CustomerValueTierEnum = defineEnum(CustomerValueTiers, 'CustomerValueTier', 'A (most valuable) – D.');

@ObjectType({ description: 'What the value index was computed from.' })
export class CustomerValueBreakdown {
  @Field(() => Int, { description: 'Economic group, 0–25: fees, and receivables collected on time (paid and verified jobs of those completed).' })
  economic: number;

  @Field(() => Int, { description: 'Loyalty group, 0–25: repeat purchases, proactive contact and referrals.' })
  loyalty: number;

  @Field(() => Int, { description: 'Service effect group, 0–25: evaluations against the service consumed (complaints).' })
  serviceEffect: number;

  @Field(() => Int, { description: 'Characteristics group, 0–25: scale and market influence.' })
  characteristics: number;

  @Field(() => Int, { description: 'Active contracts for a year plus purchases and payments collected, fen.' })
  annualValueCents: number;

  @Field(() => Int)
  completedJobs: number;

  @Field(() => Int)
  paymentsRefused: number;

  @Field(() => Int, { description: 'Completed jobs verified by the return visit with the payment collected.' })
  paidAndVerifiedJobs: number;

  @Field(() => Int)
  repeatPurchases: number;

  @Field(() => Int)
  proactiveContacts: number;

  @Field(() => Int, { description: 'Customers this one recommended.' })
  referrals: number;

  @Field(() => Float, { nullable: true })
  averageEvaluation: number | null;

  @Field(() => Int)
  complaints: number;

  @Field(() => Int, { nullable: true, description: 'The quality factor used (doubtful data is left out).' })
  qualityFactor: number | null;

  @Field(() => Int)
  scale: number;

  @Field(() => Int)
  influence: number;
}

/** The local read model of the customer's value (and the latest quality factor dispatch reported). */
@ObjectType({ description: "A customer's value index (0–100) and tier, with its breakdown." })
@Entity('customer_value')
export class CustomerValue {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Field(() => Int, { nullable: true, description: '0–100; null until first computed.' })
  @Column({ type: 'smallint', nullable: true })
  valueIndex: number | null;

  @Field(() => CustomerValueTierEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  tier: CustomerValueTier | null;

  @Field(() => CustomerValueBreakdown, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  breakdown: CustomerValueBreakdown | null;

  @Field(() => Int, { nullable: true, description: 'The quality factor dispatch last reported, 0–100.' })
  @Column({ type: 'smallint', nullable: true })
  qualityFactor: number | null;

  @Field({ description: 'Dispatch flagged the quality data as possibly not authentic.' })
  @Column({ type: 'boolean', default: false })
  qualityDoubtful: boolean;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
