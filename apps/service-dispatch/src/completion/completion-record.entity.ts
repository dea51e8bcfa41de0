import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A competitor's machine taken out on site, and why the customer dropped it (intelligence for the brands)." })
export class RemovedMachine {
  @Field()
  brand: string;

  @Field()
  reason: string;
}

/** What actually happened on site, as the engineer recorded it; a reopened job's second completion replaces it. */
@ObjectType({ description: 'What the engineer recorded on completing a work order.' })
@Entity('completion_record')
export class CompletionRecord {
  @PrimaryColumn({ type: 'uuid' })
  workOrderId: string;

  @Field(() => String, { nullable: true, description: 'Serial number of the machine installed.' })
  @Column({ type: 'text', nullable: true })
  installedSerial: string | null;

  @Field(() => Float, { nullable: true, description: 'Area measured on site, m² (pest control).' })
  @Column({ type: 'double precision', nullable: true })
  measuredAreaM2: number | null;

  @Field(() => [String], { description: 'Consumable stages actually replaced; fewer than ordered is common.' })
  @Column({ type: 'text', array: true, default: '{}' })
  replacedStages: string[];

  @Field(() => Int, { description: 'Collected from the customer, fen.' })
  @Column({ type: 'int', default: 0 })
  paymentCollectedCents: number;

  @Field({ description: 'The customer turned the engineer away at the door; nothing was done.' })
  @Column({ type: 'boolean', default: false })
  refusedAtDoor: boolean;

  @Field({ description: 'The customer refused to pay.' })
  @Column({ type: 'boolean', default: false })
  paymentRefused: boolean;

  @Field(() => Int, { description: 'The amount refused, fen (0 when nothing was refused).' })
  @Column({ type: 'int', default: 0 })
  refusedAmountCents: number;

  @Field(() => RemovedMachine, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  removedMachine: RemovedMachine | null;

  @Field(() => [String], { description: 'References of photos kept in the document store.' })
  @Column({ type: 'text', array: true, default: '{}' })
  photoRefs: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
