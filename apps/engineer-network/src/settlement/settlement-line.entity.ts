import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';
import { SettlementWorkTypeEnum } from './tariff.entity';

export const SettlementLineKinds = ['FEE', 'CLAWBACK'] as const;
export type SettlementLineKind = (typeof SettlementLineKinds)[number];
export const SettlementLineKindEnum = defineEnum(
  SettlementLineKinds,
  'SettlementLineKind',
  'FEE: pay for a verified job. CLAWBACK: compensation the engineer is liable for (negative).',
);

export const SettlementLineStatuses = ['UNPRICED', 'HELD', 'DUE', 'PAID'] as const;
export type SettlementLineStatus = (typeof SettlementLineStatuses)[number];
export const SettlementLineStatusEnum = defineEnum(
  SettlementLineStatuses,
  'SettlementLineStatus',
  'UNPRICED: no tariff fits yet. HELD: a complaint or dispute on the job is open. DUE: in the next payout batch. PAID.',
);

/** An open complaint or dispute on the line's job holds it; computed, so a hold can never be left stale on a line. */
const OPEN_HOLD = (alias: string) =>
  `SELECT EXISTS (SELECT 1 FROM settlement_hold hold WHERE hold.work_order_id = ${alias}.work_order_id AND hold.released_at IS NULL)`;

@ObjectType({ description: 'One amount owed to (or, negative, by) an engineer, in CNY fen.' })
@Entity('settlement_line')
// A redelivered or republished WorkOrderVerified must never pay a job twice.
@Index('uq_settlement_fee_work_order', ['workOrderId'], { unique: true, where: `kind = 'FEE'` })
// Likewise one clawback per approved compensation.
@Index('uq_settlement_clawback_complaint', ['complaintId'], { unique: true, where: `kind = 'CLAWBACK'` })
@Index('ix_settlement_line_engineer', ['engineerId', 'earnedAt'])
@Index('ix_settlement_line_payout', ['payoutId'])
export class SettlementLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  engineerId: string;

  @Field(() => SettlementLineKindEnum)
  @Column({ type: 'text' })
  kind: SettlementLineKind;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Field(() => ID, { nullable: true, description: 'The complaint whose compensation a clawback recovers.' })
  @Column({ type: 'uuid', nullable: true })
  complaintId: string | null;

  @Field(() => SettlementWorkTypeEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  workType: WorkOrderType | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Field(() => Number, { nullable: true, description: 'Road distance to the site, km, as dispatch reported it.' })
  @Column({ type: 'double precision', nullable: true })
  distanceKm: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  tariffId: string | null;

  // What the customer owed on site against what the engineer collected: a difference (a stage refused at the
  // door, a refused payment) is for the back office to follow up, not taken off the engineer's fee.
  @Field(() => Int, {
    nullable: true,
    description: 'CNY fen the customer owed on site for the job as ordered (a paid consumable replacement); null when nothing was to be collected.',
  })
  @Column({ type: 'int', nullable: true })
  customerDueCents: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'CNY fen the engineer collected on site, as dispatch recorded it at completion; null for lines from before it was reported.',
  })
  @Column({ type: 'int', nullable: true })
  customerCollectedCents: number | null;

  @Field(() => Int, { description: 'CNY fen; negative for a clawback; 0 while unpriced.' })
  @Column({ type: 'int' })
  amountCents: number;

  @Field({ description: 'When the job was verified, or the compensation approved.' })
  @Column({ type: 'timestamptz', precision: 3 })
  earnedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  payoutId: string | null;

  @VirtualColumn({ type: 'boolean', query: OPEN_HOLD })
  held: boolean;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export function statusOf(line: SettlementLine): SettlementLineStatus {
  if (line.payoutId) return 'PAID';
  if (line.kind === 'FEE' && !line.tariffId) return 'UNPRICED';
  return line.held ? 'HELD' : 'DUE';
}
