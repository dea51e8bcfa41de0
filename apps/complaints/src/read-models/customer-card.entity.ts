import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sales' customer card as complaints needs it: that the customer exists, and where. Kept from sales' events. */
@Entity('customer_card')
export class CustomerCard {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  city: string;
}
