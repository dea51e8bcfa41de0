import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentTier } from '@aftercare/event-contracts';
import { CalendarDateScalar } from '@aftercare/subgraph';
import { AgentTierEnum } from '../agents/agent.entity';

/** The stages of the funnel, counted over one period. */
@ObjectType({ description: 'Tasks → calls → answered → interested → ordered → replaced on site, and the money collected.' })
export class FunnelFigures {
  @Field(() => ID, { nullable: true, description: 'The agent; null on tier and team totals.' })
  agentId: string | null;

  @Field(() => String, { nullable: true })
  agentName: string | null;

  @Field(() => AgentTierEnum, { nullable: true, description: "The agent's tier; null on the team total and for supervisors who called." })
  tier: AgentTier | null;

  @Field(() => Int, { description: 'Call tasks opened in the period and handed to the agent.' })
  tasks: number;

  @Field(() => Int)
  callsMade: number;

  @Field(() => Int, { description: 'Calls someone picked up (every outcome but NO_ANSWER).' })
  answered: number;

  @Field(() => Int)
  interested: number;

  @Field(() => Int)
  ordered: number;

  @Field(() => Int, { description: 'Orders the agent sold whose visit replaced stages in the period.' })
  replacementsDone: number;

  @Field(() => Int, { description: 'Refused at the door or refused to pay, in the period.' })
  refusedOnSite: number;

  @Field(() => Float, { description: 'Fen collected on site in the period for orders the agent sold.' })
  revenueCollectedCents: number;
}

@ObjectType()
export class Funnel {
  @Field(() => CalendarDateScalar)
  from: string;

  @Field(() => CalendarDateScalar)
  to: string;

  @Field(() => [FunnelFigures], { description: 'One row per agent, by tier then name.' })
  agents: FunnelFigures[];

  @Field(() => [FunnelFigures], { description: 'One row per tier.' })
  tiers: FunnelFigures[];

  @Field(() => FunnelFigures)
  total: FunnelFigures;
}

@ObjectType({ description: "A brand's own view of its customers' consumable replacements." })
export class BrandReplacementFigures {
  @Field()
  brand: string;

  @Field(() => CalendarDateScalar)
  from: string;

  @Field(() => CalendarDateScalar)
  to: string;

  @Field({ description: 'The brand has opted in to reminders.' })
  optedIn: boolean;

  @Field(() => Int, { description: "The brand's machines in the installed base (all time)." })
  installedDevices: number;

  @Field(() => Int, { description: 'Reminder calls opened in the period.' })
  remindersDue: number;

  @Field(() => Int)
  ordered: number;

  @Field(() => Int)
  replacementsDone: number;

  @Field(() => Int)
  refusedOnSite: number;

  @Field(() => Float, { description: 'Fen.' })
  revenueCollectedCents: number;
}
