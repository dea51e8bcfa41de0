import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { defineEnum } from '@aftercare/subgraph';
import { BusinessType, BusinessTypeEnum } from '../customers/customer-profile';

/** Ordered from least to most demanding: a contract may not promise a higher standard than its template unapproved. */
export const QualityStandards = ['BASIC', 'STANDARD', 'PREMIUM'] as const;
export type QualityStandard = (typeof QualityStandards)[number];
export const QualityStandardEnum = defineEnum(QualityStandards, 'QualityStandard', 'How strict the promised service result is, least to most.');

export const ReferenceDataKinds = ['REFERENCE_PRICE', 'PROMISE_TEMPLATE', 'AREA_TOLERANCE'] as const;
export type ReferenceDataKind = (typeof ReferenceDataKinds)[number];
export const ReferenceDataKindEnum = defineEnum(ReferenceDataKinds, 'ReferenceDataKind');

@ObjectType({ description: 'The company price of one service item for one region and business type, and how far below it a contract may go.' })
@Entity('reference_price')
@Index('uq_reference_price', ['region', 'businessType', 'serviceItem'], { unique: true })
export class ReferencePrice {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  region: string;

  @Field(() => BusinessTypeEnum)
  @Column({ type: 'text' })
  businessType: BusinessType;

  @Field({ description: 'Upper case, e.g. COCKROACH, RODENT.' })
  @Column({ type: 'text' })
  serviceItem: string;

  @Field(() => Int, { description: 'Monthly price in fen.' })
  @Column({ type: 'integer' })
  referencePriceCents: number;

  @Field(() => Int, { description: 'How far below the reference price a contract may float, in percent.' })
  @Column({ type: 'smallint' })
  bandPercent: number;

  @Field(() => Int, { description: 'The lowest price allowed, in fen.' })
  @Column({ type: 'integer' })
  floorCents: number;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ObjectType({ description: 'The standard promise for one business type; promising more needs a supervisor’s approval.' })
@Entity('promise_template')
export class PromiseTemplate {
  @Field(() => BusinessTypeEnum)
  @PrimaryColumn({ type: 'text' })
  businessType: BusinessType;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  @Column({ type: 'text' })
  qualityStandard: QualityStandard;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** Company-wide numbers, one row each, e.g. the area tolerance. */
@Entity('company_setting')
export class CompanySetting {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}

@ObjectType({ description: 'One change to the reference data, with what it was before.' })
@Entity('reference_data_change')
@Index('ix_reference_data_change_kind', ['kind', 'changedAt'])
export class ReferenceDataChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ReferenceDataKindEnum)
  @Column({ type: 'text' })
  kind: ReferenceDataKind;

  @Field({ description: 'Which entry changed, e.g. "Shanghai/RESTAURANT/COCKROACH".' })
  @Column({ type: 'text' })
  subject: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb' })
  after: Record<string, unknown>;

  @Field()
  @Column({ type: 'text' })
  changedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
