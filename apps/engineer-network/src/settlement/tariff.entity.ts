import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WorkOrderType, WorkOrderTypes } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const SettlementWorkTypeEnum = defineEnum(WorkOrderTypes, 'SettlementWorkType', 'The kind of job a fee is paid for.');

/**
 * The fee for one kind of job, from a distance upwards, for one brand or (brand null) any brand.
 * Tariffs are never edited: a new fee is a new row with a later effectiveFrom, so every paid line
 * keeps pointing at the tariff that priced it.
 */
@ObjectType('SettlementTariff', { description: 'An engineer fee for a work type, brand and distance band, from a date on.' })
@Entity('tariff')
@Index('ix_tariff_lookup', ['workType', 'distanceFromKm', 'effectiveFrom'])
export class Tariff {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => SettlementWorkTypeEnum)
  @Column({ type: 'text' })
  workType: WorkOrderType;

  @Field(() => String, { nullable: true, description: 'Null: any brand without a tariff of its own.' })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => Int, { description: 'The band starts at this road distance (km); it ends where the next band starts.' })
  @Column({ type: 'int' })
  distanceFromKm: number;

  @Field(() => Int, { description: 'CNY fen.' })
  @Column({ type: 'int' })
  feeCents: number;

  @Field({ description: 'Jobs verified from this moment on are priced with this tariff.' })
  @Column({ type: 'timestamptz', precision: 3 })
  effectiveFrom: Date;

  @Field({ description: 'Who defined it (the ADMIN token sub).' })
  @Column({ type: 'text' })
  definedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
