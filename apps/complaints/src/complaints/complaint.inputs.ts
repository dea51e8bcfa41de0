import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ComplaintCategory, ComplaintChannel, LiabilityParty } from '@aftercare/event-contracts';
import { NotBlank, PageArgs } from '@aftercare/subgraph';
import {
  ComplaintCategoryEnum,
  ComplaintChannelEnum,
  ComplaintPriority,
  ComplaintPriorityEnum,
  ComplaintStatus,
  ComplaintStatusEnum,
  LiabilityPartyEnum,
} from './complaint.entity';
import { defineEnum } from '@aftercare/subgraph';

@InputType()
export class FileComplaintInput {
  @Field(() => ComplaintCategoryEnum)
  category: ComplaintCategory;

  @Field(() => ComplaintChannelEnum, { defaultValue: 'HOTLINE' })
  channel: ComplaintChannel;

  @Field(() => ComplaintPriorityEnum, { defaultValue: 'NORMAL' })
  priority: ComplaintPriority;

  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'Taken from the work order when only the work order is given.' })
  @IsOptional()
  @IsUUID()
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workOrderId?: string | null;

  @Field({ description: "What the customer reports, in the agent's words." })
  @NotBlank()
  @MaxLength(2000)
  summary: string;

  @Field({ description: 'What the customer is offered now, even before the cause is known.' })
  @NotBlank()
  @MaxLength(2000)
  proposedSolution: string;

  /** Required rather than defaulted: whether the 48-hour rule applies must be a decision, not an omission. */
  @Field({ description: 'Liability or compensation is at stake; the handling opinion is then owed within 48 hours.' })
  involvesLiability: boolean;

  @Field(() => Date, { nullable: true, description: 'When the complaint came in, if earlier than now (a review posted last night). Not in the future.' })
  @IsOptional()
  receivedAt?: Date | null;
}

@InputType()
export class RecordContactInput {
  @Field({ description: 'What was said with the customer.' })
  @NotBlank()
  @MaxLength(4000)
  content: string;

  @Field(() => String, { nullable: true, description: 'A new or revised solution proposed in this contact.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  proposedSolution?: string | null;
}

@InputType()
export class DetermineLiabilityInput {
  @Field(() => LiabilityPartyEnum)
  liability: LiabilityParty;

  @Field(() => String, { nullable: true, description: 'Defaults by liability: Brand liaison, Field service, Sales, Logistics, Customer care.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  responsibleDepartment?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the engineer for installation liability.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  responsiblePerson?: string | null;

  @Field({ description: 'How the cause was established.' })
  @NotBlank()
  @MaxLength(4000)
  finding: string;
}

@InputType()
export class GiveOpinionInput {
  @Field({ description: 'The handling opinion: what we will do, whether and how much we compensate.' })
  @NotBlank()
  @MaxLength(4000)
  opinion: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  proposedSolution?: string | null;
}

@InputType()
export class ResolveComplaintInput {
  @Field({ description: 'What was done for the customer.' })
  @NotBlank()
  @MaxLength(4000)
  resolution: string;

  @Field(() => Boolean, { nullable: true, description: 'Required for channel REVIEW_SITE: whether the customer withdrew the review.' })
  @IsOptional()
  reviewWithdrawn?: boolean | null;
}

@InputType()
export class CloseComplaintInput {
  @Field(() => Int, { description: "The customer's satisfaction with the handling, 1–5." })
  @Min(1)
  @Max(5)
  satisfaction: number;

  @Field()
  customerAccepted: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;
}

export const BreachRisks = ['AT_RISK', 'BREACHED'] as const;
export type BreachRisk = (typeof BreachRisks)[number];
export const BreachRiskEnum = defineEnum(BreachRisks, 'BreachRisk', 'AT_RISK: a target is past its warning; BREACHED: a running target is past due.');

@ArgsType()
export class InboxArgs extends PageArgs {
  @Field(() => ComplaintStatusEnum, { nullable: true, description: 'Defaults to every open status.' })
  @IsOptional()
  status?: ComplaintStatus | null;

  @Field(() => ComplaintCategoryEnum, { nullable: true })
  @IsOptional()
  category?: ComplaintCategory | null;

  @Field(() => BreachRiskEnum, { nullable: true })
  @IsOptional()
  @IsIn(BreachRisks)
  breachRisk?: BreachRisk | null;

  @Field(() => String, { nullable: true, description: 'An agent id, or "me".' })
  @IsOptional()
  assigneeId?: string | null;
}
