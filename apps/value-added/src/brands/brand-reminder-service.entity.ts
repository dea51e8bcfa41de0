import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** Whether a brand's customers get consumable reminders from us: the brand's choice, kept as data. */
@ObjectType({ description: "A brand's choice to have its customers reminded of consumables (any brand may opt in, not only our own sales)." })
@Entity('brand_reminder_service')
export class BrandReminderService {
  /** Upper-cased, trimmed brand: the join key against installed devices. */
  @PrimaryColumn({ type: 'text' })
  brandKey: string;

  @Field()
  @Column({ type: 'text' })
  brand: string;

  @Field()
  @Column({ type: 'boolean' })
  optedIn: boolean;

  @Field({ description: 'Who last set it: a staff user or the partner itself.' })
  @Column({ type: 'text' })
  changedBy: string;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
