import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { AgentTier } from '@aftercare/event-contracts';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';
import { AgentTierEnum } from './agent.entity';

@InputType()
export class SetCallAgentInput {
  // A staff user id is whatever the identity provider issues (e.g. "li.na"), not a uuid: a String, not an ID.
  @Field(() => String, { description: "The agent's staff user id (their token's sub)." })
  @NotBlank()
  @MaxLength(200)
  agentId: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => AgentTierEnum)
  tier: AgentTier;

  @Field(() => Int, { defaultValue: 300, description: 'Calls a day, 1–1000.' })
  @Min(1)
  @Max(1000)
  dailyTarget: number;

  @Field({ defaultValue: true })
  active: boolean;
}

@InputType()
export class MarkAgentAbsentInput {
  @Field(() => String, { description: 'Staff user id.' })
  @NotBlank()
  agentId: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today (China time).' })
  @IsOptional()
  day?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
