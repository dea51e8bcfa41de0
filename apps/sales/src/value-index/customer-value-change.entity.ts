import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type { CustomerValueTier } from '@aftercare/event-contracts';
import { CustomerValueTierEnum } from './customer-value.entity';

/**
 * One move of a customer's value index, written in the transaction that moved it (and announced it), so the
 * history and the CustomerValueChanged events can never disagree; an unchanged recomputation writes nothing.
 */
@ObjectType('CustomerValuePoint', { description: "The customer's value index as it stood from changedAt on." })
@Entity('customer_value_change')
@Index('ix_customer_value_change_customer', ['customerId', 'changedAt'])
export class CustomerValueChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => Int, { description: '0–100.' })
  @Column({ type: 'smallint' })
  valueIndex: number;

  @Field(() => CustomerValueTierEnum)
  @Column({ type: 'text' })
  tier: CustomerValueTier;

  @Field(() => Int, { nullable: true, description: 'The index before this change; null for the first computation.' })
  @Column({ type: 'smallint', nullable: true })
  previousValueIndex: number | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
