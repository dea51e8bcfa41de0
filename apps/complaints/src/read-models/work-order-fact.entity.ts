import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A work order from dispatch's events: its customer, order, product and the engineer who took it. */
@Entity('work_order_fact')
export class WorkOrderFact {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  /** Text, not uuid: an engineer id is engineer-network's to shape. */
  @Column({ type: 'text', nullable: true })
  engineerId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;
}
