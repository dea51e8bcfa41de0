import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import type { ComplaintCategory } from '@aftercare/event-contracts';
import { NotBlank } from '@aftercare/subgraph';
import { ComplaintCategoryEnum } from './complaint.entity';

@InputType()
export class FileComplaintInput {
  @Field(() => ComplaintCategoryEnum)
  category: ComplaintCategory;

  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID, { nullable: true })
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

  /** Required rather than defaulted: whether the 48-hour SLA runs must be a decision, not an omission. */
  @Field({ description: 'Liability or compensation is at stake; starts the 48-hour clock for a handling opinion.' })
  involvesLiability: boolean;
}
