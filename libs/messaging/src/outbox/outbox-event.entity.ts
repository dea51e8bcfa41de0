import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EventEnvelope } from '@aftercare/event-contracts';

/** An event waiting to be published; written in the same transaction as the state change it reports. */
@Entity('outbox_event')
@Index('ix_outbox_event_unpublished', ['sequence'], { where: 'published_at IS NULL' })
export class OutboxEvent {
  /** Commit order within the service; the relay publishes in this order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  sequence: string;

  @Column({ type: 'uuid', unique: true })
  eventId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  messageKey: string;

  @Column({ type: 'text' })
  eventType: string;

  @Column({ type: 'jsonb' })
  envelope: EventEnvelope;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** W3C trace context (`traceparent`, `tracestate`) of the transaction that recorded the event. */
  @Column({ type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;
}
