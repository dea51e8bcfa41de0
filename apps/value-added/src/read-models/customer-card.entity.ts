import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What value-added knows of a customer: the card from sales' events, the value index, and what the calls
 * taught us (interested, do not call, wrong number). A row may exist before sales' card arrives.
 */
@Entity('customer_card')
export class CustomerCard {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** 0–100 from sales' CustomerValueChanged; a high value goes to the sales tier. */
  @Column({ type: 'int', nullable: true })
  valueIndex: number | null;

  @Column({ type: 'text', nullable: true })
  valueTier: string | null;

  /** Said on a call they are interested: the next calls go to the sales tier. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  interestedSince: Date | null;

  /** Asked never to be called again. Honoured for ever: nothing clears it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  doNotCallSince: Date | null;

  /** The number on file reached someone else; a changed card (a corrected phone) clears it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  wrongNumberSince: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
