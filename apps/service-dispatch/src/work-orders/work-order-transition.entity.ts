import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { WorkOrderStatus, WorkOrderStatusEnum } from './work-order.entity';

/** Every move of a work order, with who made it and why: reschedules and cancellations are explained here. */
@ObjectType({ description: 'One step in a work order’s history.' })
@Entity('work_order_transition')
@Index('ix_work_order_transition_work_order', ['workOrderId', 'at'])
export class WorkOrderTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field(() => WorkOrderStatusEnum, { nullable: true, description: 'None for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: WorkOrderStatus | null;

  @Field(() => WorkOrderStatusEnum)
  @Column({ type: 'text' })
  toStatus: WorkOrderStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who made the move: a staff id, or the service itself (e.g. "auto-dispatch").' })
  @Column({ type: 'text' })
  actor: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
