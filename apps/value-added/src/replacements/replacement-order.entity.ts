import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';

export const ReplacementOrderStatuses = ['ORDERED', 'REPLACED', 'REFUSED_AT_DOOR', 'REFUSED_TO_PAY', 'CANCELLED'] as const;
export type ReplacementOrderStatus = (typeof ReplacementOrderStatuses)[number];
export const ReplacementOrderStatusEnum = defineEnum(
  ReplacementOrderStatuses,
  'ReplacementOrderStatus',
  'ORDERED until the visit; REPLACED (all or some stages), REFUSED_AT_DOOR, REFUSED_TO_PAY, or CANCELLED before the visit.',
);

@ObjectType({ description: 'A priced stage of a replacement order.' })
export class OrderedStage {
  @Field()
  name: string;

  @Field(() => Int, { description: 'Fen.' })
  priceCents: number;
}

/** Consumables a customer bought on a call; sales records the order, dispatch sends an engineer. */
@ObjectType({ description: 'Consumables sold on a call, and what happened when the engineer came.' })
@Entity('replacement_order')
@Index('ix_replacement_order_device_status', ['deviceId', 'status'])
@Index('ix_replacement_order_agent_closed', ['agentId', 'closedAt'])
export class ReplacementOrder {
  /** Also the id of the value-added order in sales and the `orderId` of dispatch's work order. */
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid', unique: true })
  taskId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  deviceId: string;

  @Field(() => ID, { description: 'The agent who sold it.' })
  @Column({ type: 'text' })
  agentId: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field(() => [OrderedStage])
  @Column({ type: 'jsonb' })
  stages: OrderedStage[];

  @Field(() => Int, { description: 'Fen.' })
  @Column({ type: 'int' })
  amountCents: number;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  preferredDate: string | null;

  @Field(() => ReplacementOrderStatusEnum)
  @Column({ type: 'text', default: 'ORDERED' })
  status: ReplacementOrderStatus;

  @Field(() => [String], { description: 'Stages the engineer actually replaced (often fewer than ordered).' })
  @Column({ type: 'text', array: true, default: '{}' })
  replacedStages: string[];

  @Field(() => Int, { description: 'Collected on site, fen: the revenue.' })
  @Column({ type: 'int', default: 0 })
  collectedCents: number;

  /** Ordered but not replaced: what the customer refused on site (everything, when turned away at the door). */
  @Field(() => [String], {
    description: 'Stages ordered but refused on site (all of them when the engineer was turned away at the door); empty until the visit.',
  })
  get refusedStages(): string[] {
    if (this.status === 'REFUSED_AT_DOOR') return this.stages.map((stage) => stage.name);
    if (this.status !== 'REPLACED' && this.status !== 'REFUSED_TO_PAY') return [];
    const replaced = new Set(this.replacedStages.map((stage) => stage.trim().toLowerCase()));
    return this.stages.map((stage) => stage.name).filter((name) => !replaced.has(name.trim().toLowerCase()));
  }

  @Field(() => Int, { description: 'Fen ordered but not collected on site (a refused stage, a refused payment); 0 until the visit and when cancelled.' })
  get uncollectedCents(): number {
    if (this.status === 'ORDERED' || this.status === 'CANCELLED') return 0;
    return Math.max(0, this.amountCents - this.collectedCents);
  }

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  orderedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;
}
