import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** Who owned a card before whom: a departure hands cards over but the history stays. */
@ObjectType({ description: 'A change of the salesperson who owns a customer card.' })
@Entity('customer_owner_change')
@Index('ix_customer_owner_change_customer', ['customerId', 'changedAt'])
export class OwnerChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  fromOwnerId: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  toOwnerId: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
