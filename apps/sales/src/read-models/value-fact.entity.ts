import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ValueFactKinds = ['COMPLAINT', 'JOB_COMPLETED', 'JOB_VERIFIED', 'REPLACEMENT', 'EVALUATION'] as const;
export type ValueFactKind = (typeof ValueFactKinds)[number];

/**
 * One thing another service reported about a customer (a complaint, a job, a purchase, an evaluation),
 * kept once per subject so a republished event cannot count twice; the value index sums these in SQL.
 */
@Entity('customer_value_fact')
@Index('uq_customer_value_fact_subject', ['kind', 'subjectId'], { unique: true })
@Index('ix_customer_value_fact_customer', ['customerId'])
export class ValueFact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  kind: ValueFactKind;

  /** The complaint, work order or replacement order the fact is about. */
  @Column({ type: 'text' })
  subjectId: string;

  /** Money involved, fen (payment collected, purchase amount). */
  @Column({ type: 'integer', default: 0 })
  amountCents: number;

  /** An evaluation score 1–5, or 1 for a refused payment on a completed job. */
  @Column({ type: 'smallint', default: 0 })
  score: number;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
