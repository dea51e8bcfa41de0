import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Sales' customer card as dispatch needs it: that the customer exists (a work order for anyone else is
 * refused) and where. Kept only from sales' events; contact details stay in sales.
 */
@Entity('customer_card')
export class CustomerCard {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  city: string;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
