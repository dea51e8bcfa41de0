import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { CallOutcome } from '@aftercare/event-contracts';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';
import { CallOutcomeEnum } from './call-task.entity';

@InputType()
export class RecordCallOutcomeInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => CallOutcomeEnum)
  outcome: CallOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => [String], { nullable: true, description: "ORDERED: the stages bought (the device's own stage names, case-blind); default the stages due." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @NotBlank({ each: true })
  stages?: string[] | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: "ORDERED: the customer's preferred day for the engineer." })
  @IsOptional()
  preferredDate?: string | null;

  @Field(() => Date, { nullable: true, description: 'NO_ANSWER, or INTERESTED on a follow-up: call again at (default: 3 hotline hours later).' })
  @IsOptional()
  callBackAt?: Date | null;
}

@InputType()
export class ReassignCallTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => String, { description: 'Staff user id.' })
  @NotBlank()
  agentId: string;
}

@InputType()
export class QueueFilter {
  @Field(() => String, { nullable: true, description: "One agent's queue (staff user id); omit for the whole team." })
  @IsOptional()
  agentId?: string | null;

  @Field({ defaultValue: false, description: 'Only the tasks no agent had room for.' })
  unassignedOnly: boolean;

  @Field(() => Int, { defaultValue: 500 })
  @Min(1)
  @Max(2000)
  first: number;
}
