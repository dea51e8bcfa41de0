import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** The install fee refunded when the customer installed it themselves (site beyond the service radius). */
@ObjectType({ description: 'A refund recorded on an order.' })
@Entity('order_refund')
@Index('ix_order_refund_order', ['orderId'])
export class OrderRefund {
  /** engineer-network's refund id: the same refund reported twice is recorded once. */
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field(() => Int, { description: 'Fen.' })
  @Column({ type: 'integer' })
  amountCents: number;

  @Field()
  @Column({ type: 'timestamptz' })
  approvedAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
