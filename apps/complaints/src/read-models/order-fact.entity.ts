import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An order from sales' OrderPlaced: whose it is and what was sold (a partner order's brand is the partner). */
@Entity('order_fact')
export class OrderFact {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Column({ type: 'text' })
  productModel: string;
}
