import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { WorkOrderType, WorkOrderTypes } from '@aftercare/event-contracts';
import { CalendarDateScalar, defineEnum, Guarded } from '@aftercare/subgraph';

export const WorkOrderStatuses = ['CREATED', 'SCHEDULED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'VERIFIED', 'CANCELLED'] as const;
export type WorkOrderStatus = (typeof WorkOrderStatuses)[number];

export const AppointmentSlots = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
export type AppointmentSlot = (typeof AppointmentSlots)[number];

/** Where a work order's distance came from: a dispatcher, the partner's coordinates of the site, or the district's reference point. */
export const DistanceBases = ['DISPATCHER', 'SITE_COORDINATES', 'DISTRICT_REFERENCE'] as const;
export type DistanceBasis = (typeof DistanceBases)[number];
export const DistanceBasisEnum = defineEnum(
  DistanceBases,
  'DistanceBasis',
  "DISPATCHER: given by hand. SITE_COORDINATES: from the site's coordinates the partner sent. DISTRICT_REFERENCE: estimated to the district's reference point.",
);

@ObjectType({ description: 'A consumable stage ordered, with its price.' })
export class StagePrice {
  @Field()
  name: string;

  @Field(() => Int, { description: 'Fen.' })
  priceCents: number;
}

export const WorkOrderTypeEnum = defineEnum(WorkOrderTypes, 'WorkOrderType', 'What the engineer goes on site to do.');
export const WorkOrderStatusEnum = defineEnum(WorkOrderStatuses, 'WorkOrderStatus', 'Where a work order stands in its lifecycle.');
export const AppointmentSlotEnum = defineEnum(AppointmentSlots, 'AppointmentSlot', 'The part of the appointment day the customer agreed to.');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A job in the field: install, repair, consumable replacement, visit, survey, rework…' })
@Entity('work_order')
// An order is installed once: a replayed or republished OrderPlaced cannot create a second install.
@Index('uq_work_order_install_per_order', ['orderId'], { unique: true, where: `type = 'INSTALL'` })
// Work orders born of another service's event (a replacement order, a contract visit, a complaint's rework)
// carry that event's natural key, so a republished event cannot create a second one.
@Index('uq_work_order_source', ['sourceRef'], { unique: true })
// The dispatch queue of a day: scheduled work orders of that date.
@Index('ix_work_order_queue', ['appointmentDate', 'status'])
// The board lists oldest first and pages by (createdAt, id): one index range scan per page.
@Index('ix_work_order_created', ['createdAt', 'id'])
export class WorkOrder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => WorkOrderTypeEnum)
  @Column({ type: 'text' })
  type: WorkOrderType;

  @Field(() => WorkOrderStatusEnum)
  @Column({ type: 'text', default: 'CREATED' })
  status: WorkOrderStatus;

  @Index('ix_work_order_order')
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Field(() => ID, { nullable: true, description: 'The service contract a scheduled visit or survey belongs to.' })
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  /** The partner whose order this fulfils; partners may see only their own work orders. */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'text', nullable: true })
  sourceRef: string | null;

  @Field(() => ID)
  @Index('ix_work_order_customer')
  @Column({ type: 'uuid' })
  customerId: string;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ type: 'text' })
  siteAddress: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  productModel: string | null;

  @Field(() => String, { nullable: true, description: 'Serial of the machine the job is for (a consumable replacement ordered for an installed device).' })
  @Column({ type: 'text', nullable: true })
  serial: string | null;

  @Field(() => [String], { description: 'Consumable stages to replace (consumable replacement work orders).' })
  @Column({ type: 'text', array: true, default: '{}' })
  stages: string[];

  // What the engineer collects on site is for the company's staff and the engineer, not for a partner.
  @Guarded()
  @Field(() => [StagePrice], {
    description: 'The price of each ordered stage (a paid consumable replacement), so the engineer knows what a refused stage takes off.',
  })
  @Column({ type: 'jsonb', default: () => `'[]'` })
  stagePrices: StagePrice[];

  @Guarded()
  @Field(() => Int, {
    nullable: true,
    description: 'Fen the customer owes for the job as ordered (a paid consumable replacement); null when nothing is to be collected.',
  })
  @Column({ type: 'int', nullable: true })
  amountDueCents: number | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: "The customer's preferred day." })
  @Column({ type: 'date', nullable: true })
  preferredDate: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The agreed appointment day, once scheduled.' })
  @Column({ type: 'date', nullable: true })
  appointmentDate: string | null;

  @Field(() => AppointmentSlotEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  appointmentSlot: AppointmentSlot | null;

  @Field(() => Float, { nullable: true, description: 'Road distance from the nearest outlet to the site, km, when known.' })
  @Column({ type: 'double precision', nullable: true })
  distanceKm: number | null;

  @Field(() => DistanceBasisEnum, { nullable: true, description: 'Where distanceKm came from; null while it is unknown.' })
  @Column({ type: 'text', nullable: true })
  distanceBasis: DistanceBasis | null;

  @Field(() => ID, { nullable: true, description: 'The engineer the work order is assigned to.' })
  @Index('ix_work_order_engineer')
  @Column({ type: 'uuid', nullable: true })
  engineerId: string | null;

  /** Announced as unassignable and waiting for a backup engineer or the customer's self-install answer. */
  @Field({ description: 'Nobody suitable was found; the engineer network is recruiting a backup.' })
  @Column({ type: 'boolean', default: false })
  awaitingBackup: boolean;

  @Field({ description: 'The site is beyond the service radius and self-installation was offered.' })
  @Column({ type: 'boolean', default: false })
  selfInstallOffered: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
