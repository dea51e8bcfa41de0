import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '@aftercare/subgraph';

/** One machine installed at a customer's site, known by its serial, whatever the brand. */
@Directive('@key(fields: "serial")')
@ObjectType('Device', { description: 'An installed machine: its consumables, their clocks and its warranty. Found by serial.' })
@Entity('installed_device')
@Index('uq_installed_device_serial', ['serial'], { unique: true })
@Index('ix_installed_device_customer', ['customerId'])
// The daily run reads only the devices whose reminder is due: a range on this index, however large the base.
@Index('ix_installed_device_reminder_due', ['reminderDueOn'])
export class InstalledDevice {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  serial: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  customerId: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field()
  @Column({ type: 'text' })
  productModel: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ type: 'text' })
  address: string;

  @Field(() => CalendarDateScalar, { description: 'The day the install was completed (China time); clocks and warranty run from it.' })
  @Column({ type: 'date' })
  installedOn: string;

  @Column({ type: 'uuid', nullable: true, unique: true })
  installWorkOrderId: string | null;

  /**
   * When the next reminder falls due: the earliest stage due, or the next cycle after the customer
   * declined or a visit fell through. Null while the model has no plan (no clocks).
   */
  @Field(() => CalendarDateScalar, { nullable: true, description: 'When the customer is next due a reminder call; null when the model has no plan.' })
  @Column({ type: 'date', nullable: true })
  reminderDueOn: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
