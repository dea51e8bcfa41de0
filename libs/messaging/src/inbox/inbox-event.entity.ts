import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has already applied; its presence is what makes redelivery harmless. */
@Entity('inbox_event')
export class InboxEvent {
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  eventType: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
