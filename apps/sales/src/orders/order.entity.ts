import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrderChannel, OrderChannels } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';

export const OrderStatuses = ['PLACED', 'SCHEDULED', 'INSTALLED', 'VERIFIED', 'CANCELLED'] as const;
export type OrderStatus = (typeof OrderStatuses)[number];

export const OrderChannelEnum = defineEnum(OrderChannels, 'OrderChannel', 'Where an order came from.');
export const OrderStatusEnum = defineEnum(OrderStatuses, 'OrderStatus', 'Where an order stands in fulfilment.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An order from any channel: e-commerce, store, phone, partner brand or value-added.' })
@Entity('sales_order')
// A partner's reference names one order: resubmitting it finds the order instead of creating another.
@Index('uq_sales_order_partner_external_ref', ['partnerId', 'externalRef'], { unique: true, where: 'external_ref IS NOT NULL' })
@Index('ix_sales_order_partner_created', ['partnerId', 'createdAt', 'id'])
// A customer's orders, newest first (the customer card and the 360): found by index, not by reading every order.
@Index('ix_sales_order_customer_created', ['customerId', 'createdAt'])
export class Order {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => OrderChannelEnum)
  @Column({ type: 'text' })
  channel: OrderChannel;

  @Field(() => OrderStatusEnum)
  @Column({ type: 'text', default: 'PLACED' })
  status: OrderStatus;

  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Field(() => String, { nullable: true, description: "The partner's own reference for this order." })
  @Column({ type: 'text', nullable: true })
  externalRef: string | null;

  @Field()
  @Column({ type: 'text' })
  productModel: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  customer?: Customer;

  /** The contact the partner submitted, kept as sent: the partner is shown this, never the card it matched. */
  @Column({ type: 'text', nullable: true })
  submittedName: string | null;

  @Column({ type: 'text', nullable: true })
  submittedPhone: string | null;

  @Field({ description: 'Where the work is done; may differ from the address on the customer card.' })
  @Column({ type: 'text' })
  siteAddress: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  preferredDate: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
