import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ContractDisputeReason, DisputeRuling } from '@aftercare/event-contracts';
import { NotBlank } from '@aftercare/subgraph';
import { DisputeReasonEnum, DisputeRulingEnum, DisputeSide, DisputeSideEnum } from './dispute.entity';

@InputType()
export class OpenDisputeInput {
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => DisputeReasonEnum, { description: 'By hand: BUNDLED_ITEM or OVER_PROMISE (an area mismatch opens by itself from sales).' })
  @IsIn(['BUNDLED_ITEM', 'OVER_PROMISE'], { message: 'reason must be BUNDLED_ITEM or OVER_PROMISE; area mismatches open from the measurement' })
  reason: ContractDisputeReason;

  @Field(() => [ID], { defaultValue: [] })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  workOrderIds: string[];

  @Field()
  @NotBlank()
  @MaxLength(4000)
  description: string;
}

@InputType()
export class FileEvidenceInput {
  @Field(() => DisputeSideEnum)
  side: DisputeSide;

  @Field()
  @NotBlank()
  @MaxLength(4000)
  content: string;
}

@InputType()
export class RuleDisputeInput {
  @Field(() => DisputeRulingEnum)
  ruling: DisputeRuling;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;
}
