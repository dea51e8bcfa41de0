import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Which consumables a product model needs and how often; what reminders and replacement orders are built from. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'The consumable replacement plan of one product model, of any brand that opts in.' })
@Entity('consumable_plan')
// One plan per model: two would give a customer two conflicting reminder schedules.
@Index('uq_consumable_plan_product_model', ['productModel'], { unique: true })
export class ConsumablePlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  productModel: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
