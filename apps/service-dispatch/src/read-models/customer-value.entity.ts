import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CustomerValueTier } from '@aftercare/event-contracts';

/** The customer value index sales computes, copied from CustomerValueChanged: who is served first when engineers are scarce. */
@Entity('customer_value')
export class CustomerValue {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  /** 0–100. */
  @Column({ type: 'int' })
  valueIndex: number;

  @Column({ type: 'text' })
  tier: CustomerValueTier;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
