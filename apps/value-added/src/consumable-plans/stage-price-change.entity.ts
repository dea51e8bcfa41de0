import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** Stage prices are edited in place for quoting; every price a stage ever had stays here. */
@ObjectType({ description: 'A price a consumable stage had from a moment on.' })
@Entity('stage_price_change')
@Index('ix_stage_price_change_stage', ['stageId', 'changedAt'])
export class StagePriceChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  stageId: string;

  @Field(() => Int, { description: 'Fen.' })
  @Column({ type: 'int' })
  priceCents: number;

  @Field(() => Int, { nullable: true, description: 'Fen; null for the price the stage was defined with.' })
  @Column({ type: 'int', nullable: true })
  previousPriceCents: number | null;

  @Field()
  @Column({ type: 'text' })
  changedBy: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
