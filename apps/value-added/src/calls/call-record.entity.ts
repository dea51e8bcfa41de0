import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { AgentTier, CallOutcome } from '@aftercare/event-contracts';
import { AgentTierEnum } from '../agents/agent.entity';
import { CallOutcomeEnum } from './call-task.entity';

/** One call made, as the agent recorded it: what, who, when, notes. The funnel counts these. */
@ObjectType({ description: 'One call made on a task.' })
@Entity('call_record')
@Index('ix_call_record_task', ['taskId', 'calledAt'])
@Index('ix_call_record_agent', ['agentId', 'calledAt'])
export class CallRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @Field(() => ID, { description: 'Who called (staff user id).' })
  @Column({ type: 'text' })
  agentId: string;

  @Field(() => AgentTierEnum, { description: "The task's tier when the call was made." })
  @Column({ type: 'text' })
  tier: AgentTier;

  @Field(() => CallOutcomeEnum)
  @Column({ type: 'text' })
  outcome: CallOutcome;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  calledAt: Date;
}
