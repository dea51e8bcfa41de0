import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AgentTier, AgentTiers } from '@aftercare/event-contracts';
import { defineEnum } from '@aftercare/subgraph';

export const AgentTierEnum = defineEnum(
  AgentTiers,
  'AgentTier',
  'REMINDER: newer staff who make plain reminder calls; SALES: strong sellers who follow interested and high-value customers.',
);

/** A value-added call agent; `id` is their staff user id (the token's sub). */
@ObjectType('CallAgent', { description: 'A member of the value-added call team.' })
@Entity('call_agent')
export class CallAgent {
  @Field(() => ID, { description: 'The staff user id (token sub).' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => AgentTierEnum)
  @Column({ type: 'text' })
  tier: AgentTier;

  @Field(() => Int, { description: 'Calls a day this agent is expected to make; open tasks are balanced against it.' })
  @Column({ type: 'int', default: 300 })
  dailyTarget: number;

  @Field({ description: 'Off the team (left, moved): gets no tasks.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
