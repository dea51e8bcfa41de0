import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day an agent is away: they get no tasks and their open ones go to colleagues of the same tier. */
@Entity('agent_absence')
export class AgentAbsence {
  @PrimaryColumn({ type: 'text' })
  agentId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text' })
  recordedBy: string;
}
