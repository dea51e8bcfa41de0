import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';
import { QualityStandard, QualityStandardEnum } from '../reference-data/reference-data.entities';

export const PromiseApprovalRequestStatuses = ['AWAITING_SUPERVISOR', 'APPROVED', 'DECLINED'] as const;
export type PromiseApprovalRequestStatus = (typeof PromiseApprovalRequestStatuses)[number];
export const PromiseApprovalRequestStatusEnum = defineEnum(
  PromiseApprovalRequestStatuses,
  'PromiseApprovalRequestStatus',
  'Whether a supervisor has answered yet.',
);

/** A salesperson asks a supervisor to let them promise one customer more than the standard template. */
@ObjectType({ description: 'A request to promise a customer more than the standard template, waiting for (or answered by) a supervisor.' })
@Entity('promise_approval_request')
// The supervisor's queue: requests still waiting, oldest first.
@Index('ix_promise_approval_request_queue', ['status', 'createdAt', 'id'])
export class PromiseApprovalRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  @Column({ type: 'text' })
  qualityStandard: QualityStandard;

  @Field({ description: 'Why the customer should have more than the standard.' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Staff id of the salesperson who asked.' })
  @Column({ type: 'text' })
  requestedBy: string;

  @Field(() => PromiseApprovalRequestStatusEnum)
  @Column({ type: 'text', default: 'AWAITING_SUPERVISOR' })
  status: PromiseApprovalRequestStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The supervisor's note: the approval's reason, or why not." })
  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Field(() => ID, { nullable: true, description: 'Once approved: the approval to cite as promiseApprovalId in createContract.' })
  @Column({ type: 'uuid', nullable: true })
  approvalId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
