import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const HoldSources = ['COMPLAINT', 'DISPUTE'] as const;
export type HoldSource = (typeof HoldSources)[number];
export const HoldSourceEnum = defineEnum(HoldSources, 'SettlementHoldSource', 'What keeps a job’s pay on hold.');

/** Pay for a job waits while a complaint or contract dispute about it is open (and only then). */
@ObjectType({ description: 'A complaint or dispute that holds the pay for one job while it is open.' })
@Entity('settlement_hold')
@Index('uq_settlement_hold', ['source', 'sourceId', 'workOrderId'], { unique: true })
@Index('ix_settlement_hold_work_order', ['workOrderId'])
export class SettlementHold {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => HoldSourceEnum)
  @Column({ type: 'text' })
  source: HoldSource;

  @Field(() => ID, { description: 'The complaint id, or the disputed contract id.' })
  @Column({ type: 'uuid' })
  sourceId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  releasedAt: Date | null;
}
