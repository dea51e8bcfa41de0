import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WorkOrderType, WorkOrderTypes } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';

export const WorkOrderStatuses = ['CREATED', 'SCHEDULED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'VERIFIED', 'CANCELLED'] as const;
export type WorkOrderStatus = (typeof WorkOrderStatuses)[number];

export const WorkOrderTypeEnum = defineEnum(WorkOrderTypes, 'WorkOrderType', 'What the engineer goes on site to do.');
export const WorkOrderStatusEnum = defineEnum(WorkOrderStatuses, 'WorkOrderStatus', 'Where a work order stands in its lifecycle.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A job in the field: install, repair, consumable replacement, visit, survey, rework…' })
@Entity('work_order')
// An order is installed once: a replayed or republished OrderPlaced cannot create a second install.
@Index('uq_work_order_install_per_order', ['orderId'], { unique: true, where: `type = 'INSTALL'` })
export class WorkOrder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => WorkOrderTypeEnum)
  @Column({ type: 'text' })
  type: WorkOrderType;

  @Field(() => WorkOrderStatusEnum)
  @Column({ type: 'text', default: 'CREATED' })
  status: WorkOrderStatus;

  @Index('ix_work_order_order')
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  /** The partner whose order this fulfils; partners may see only their own work orders. */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Index('ix_work_order_customer')
  @Column({ type: 'uuid' })
  customerId: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ type: 'text' })
  siteAddress: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: "The customer's preferred day." })
  @Column({ type: 'date', nullable: true })
  preferredDate: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
