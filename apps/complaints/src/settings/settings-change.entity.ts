import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { defineEnum } from '@aftercare/subgraph';

export const SettingsKinds = ['BRAND_INSURANCE', 'SLA_POLICY', 'BUSINESS_HOLIDAY'] as const;
export type SettingsKind = (typeof SettingsKinds)[number];
export const SettingsKindEnum = defineEnum(SettingsKinds, 'ComplaintSettingsKind', 'Which of the data complaints runs on was changed.');

/**
 * The audit trail of complaints' settings: who changed which brand's insurance, SLA policy or holiday, when,
 * and what it was before. Written in the transaction of the change, so no change goes unrecorded.
 */
@ObjectType({ description: 'One change to brand insurance, an SLA policy or the holidays: who, when, before and after.' })
@Entity('settings_change')
@Index('ix_settings_change_kind', ['kind', 'changedAt'])
export class SettingsChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => SettingsKindEnum)
  @Column({ type: 'text' })
  kind: SettingsKind;

  @Field({ description: 'Which entry changed: the brand, "CATEGORY/PRIORITY" of a policy, or the holiday\'s day.' })
  @Column({ type: 'text' })
  subject: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Null when the entry is new.' })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Null when the entry was removed.' })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Field({ description: 'The staff user who made the change.' })
  @Column({ type: 'text' })
  changedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
