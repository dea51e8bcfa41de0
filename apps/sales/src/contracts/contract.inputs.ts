import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CalendarDateScalar, defineEnum, NotBlank } from '@aftercare/subgraph';
import { QualityStandard, QualityStandardEnum } from '../reference-data/reference-data.entities';
import { SERVICE_ITEM_PATTERN } from '../reference-data/reference-data.inputs';

@InputType()
export class ContractServiceItemInput {
  @Field({ description: 'A service item with a reference price, e.g. COCKROACH.' })
  @Matches(SERVICE_ITEM_PATTERN, { message: 'item must be 2–50 letters, digits, _ or -' })
  item: string;

  @Field(() => Int, { description: 'Monthly price in fen; every item must be priced.' })
  @Min(0)
  priceCents: number;
}

@InputType()
export class CreateContractInput {
  @Field(() => ID)
  customerId: string;

  @Field({ nullable: true, description: "Defaults to the customer's city." })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  city?: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  siteAddress: string;

  @Field()
  @Min(1)
  signedAreaM2: number;

  @Field(() => [ContractServiceItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  serviceItems: ContractServiceItemInput[];

  @Field(() => Int)
  @Min(1)
  @Max(31)
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  qualityStandard: QualityStandard;

  @Field(() => CalendarDateScalar)
  startsOn: string;

  @Field(() => ID, { nullable: true, description: 'Required when the promise exceeds the template: a supervisor approval for this customer.' })
  @IsOptional()
  promiseApprovalId?: string | null;
}

@InputType()
export class ApprovePromiseInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => Int)
  @Min(1)
  @Max(31)
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  qualityStandard: QualityStandard;

  @Field({ description: 'Why the customer may have more than the standard.' })
  @NotBlank()
  @MaxLength(1000)
  note: string;
}

export const ReviewDecisions = ['APPROVE', 'REJECT'] as const;
export type ReviewDecision = (typeof ReviewDecisions)[number];
export const ReviewDecisionEnum = defineEnum(ReviewDecisions, 'ContractReviewDecision');

@InputType()
export class ReviewContractInput {
  @Field(() => ID)
  contractId: string;

  @Field(() => ReviewDecisionEnum)
  decision: ReviewDecision;

  @Field(() => [String], { defaultValue: [], description: 'What the review found; required to reject.' })
  @ArrayMaxSize(50)
  @MaxLength(1000, { each: true })
  findings: string[];
}
