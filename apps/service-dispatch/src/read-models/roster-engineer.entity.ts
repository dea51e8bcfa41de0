import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EngineerSkill, EngineerStatus, UnavailabilityReason } from '@aftercare/event-contracts';

export interface UnavailableWindow {
  from: string;
  to: string;
  reason: UnavailabilityReason;
}

/**
 * Dispatch's own copy of what it needs to know about an engineer, kept current from engineer-network's
 * events (never read from its tables): coverage, skills, capacity, status and unavailability.
 */
@Entity('roster_engineer')
export class RosterEngineer {
  @PrimaryColumn({ type: 'uuid' })
  engineerId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  status: EngineerStatus;

  /** Where the engineer starts from (their base): distances to sites are measured from it. Null for placeholders and rows from before it was kept. */
  @Column({ type: 'text', nullable: true })
  homeCity: string | null;

  @Column({ type: 'text', array: true })
  cities: string[];

  @Column({ type: 'jsonb' })
  skills: EngineerSkill[];

  @Column({ type: 'int' })
  dailyCapacity: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  unavailable: UnavailableWindow[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
