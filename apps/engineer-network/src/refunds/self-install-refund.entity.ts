import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The install fee refunded to a customer who installed a too-remote machine themselves.' })
@Entity('self_install_refund')
// One refund per work order, however often dispatch's acceptance is delivered.
@Index('uq_self_install_refund_work_order', ['workOrderId'], { unique: true })
@Index('ix_self_install_refund_approved', ['approvedAt'])
export class SelfInstallRefund {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field(() => Int, { description: 'CNY fen: the install fee, refunded in full.' })
  @Column({ type: 'int' })
  amountCents: number;

  @Field({ description: 'Road distance to the site, km: why nobody could go.' })
  @Column({ type: 'double precision' })
  distanceKm: number;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  approvedAt: Date;
}
