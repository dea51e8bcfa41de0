import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { ConsumablePlan } from './consumable-plan.entity';

@ObjectType({ description: 'One consumable of a plan (e.g. sediment filter) and how often it is replaced.' })
@Entity('consumable_stage')
// Also the index the per-request batch of stages reads through (plan_id leads).
@Index('uq_consumable_stage_plan_name', ['planId', 'name'], { unique: true })
export class ConsumableStage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => ConsumablePlan, { onDelete: 'CASCADE' })
  plan?: ConsumablePlan;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => Int, { description: 'Months between replacements.' })
  @Column({ type: 'int' })
  intervalMonths: number;

  /** Integer minor units: fen never drift the way floating-point yuan do. */
  @Field(() => Int, { description: 'Price of one replacement in CNY fen (1 yuan = 100).' })
  @Column({ type: 'int' })
  priceCents: number;
}
