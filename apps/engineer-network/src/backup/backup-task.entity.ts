import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';
import { SettlementWorkTypeEnum } from '../settlement/tariff.entity';

export const BackupTaskStatuses = ['OPEN', 'FILLED', 'CANCELLED'] as const;
export type BackupTaskStatus = (typeof BackupTaskStatuses)[number];
export const BackupTaskStatusEnum = defineEnum(
  BackupTaskStatuses,
  'BackupTaskStatus',
  'CANCELLED: the work order was cancelled, or dispatch placed it, before anyone was found.',
);

@ObjectType({ description: 'A search for a temporary engineer for a work order dispatch could not place.' })
@Entity('backup_task')
// Dispatch may announce the same unassignable order more than once; it needs one search, not several.
@Index('uq_backup_task_work_order', ['workOrderId'], { unique: true })
@Index('ix_backup_task_status', ['status', 'deadline'])
export class BackupTask {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Field(() => SettlementWorkTypeEnum)
  @Column({ type: 'text' })
  workType: WorkOrderType;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field(() => String, { nullable: true, description: 'The skill needed: brand and product model (none for e.g. a pest-control visit).' })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  @Field({ description: 'The start of the appointment day (China time), or 48 hours after opening when there is none.' })
  @Column({ type: 'timestamptz', precision: 3 })
  deadline: Date;

  @Field(() => BackupTaskStatusEnum)
  @Column({ type: 'text' })
  status: BackupTaskStatus;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The engineer found.' })
  @Column({ type: 'uuid', nullable: true })
  engineerId: string | null;

  @Field(() => Number, { nullable: true, description: 'Hours from opening to filling, two decimals.' })
  @Column({ type: 'double precision', nullable: true })
  hoursToFill: number | null;
}
