import { Field, InputType, Int } from 'type-graphql';
import { ArrayMinSize, ArrayUnique, Max, Min, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';

@InputType()
export class ConsumableStageInput {
  @Field({ description: 'Unique within the plan, e.g. "PP sediment".' })
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { description: 'Months between replacements, at least 1.' })
  @Min(1)
  intervalMonths: number;

  @Field(() => Int, { description: 'Price of one replacement in CNY fen, 0 or more.' })
  @Min(0)
  priceCents: number;
}

@InputType()
export class DefineConsumablePlanInput {
  @Field({ description: 'The model the plan is for; one plan per model.' })
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  brand: string;

  /** Names compare trimmed and case-blind: "Carbon" and "carbon " are one filter to an agent on the phone. */
  @Field(() => [ConsumableStageInput])
  @ArrayMinSize(1, { message: 'stages must contain at least one stage' })
  @ArrayUnique((stage: ConsumableStageInput) => stage.name.trim().toLowerCase(), { message: 'stages must have unique names' })
  @ValidateNested()
  stages: ConsumableStageInput[];
}

@InputType()
export class ChangeStagePriceInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field({ description: 'The stage name (case-blind).' })
  @NotBlank()
  @MaxLength(100)
  stage: string;

  @Field(() => Int, { description: 'New price of one replacement, fen.' })
  @Min(0)
  @Max(10_000_000)
  priceCents: number;
}
