import { Field, InputType, Int } from 'type-graphql';
import { Matches, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';
import { BusinessType, BusinessTypeEnum } from '../customers/customer-profile';
import { QualityStandard, QualityStandardEnum } from './reference-data.entities';

export const SERVICE_ITEM_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{1,49}$/;

@InputType()
export class SetReferencePriceInput {
  @Field()
  @NotBlank()
  @MaxLength(50)
  region: string;

  @Field(() => BusinessTypeEnum)
  businessType: BusinessType;

  @Field({ description: 'Letters, digits, _ or -; stored upper case.' })
  @Matches(SERVICE_ITEM_PATTERN, { message: 'serviceItem must be 2–50 letters, digits, _ or -' })
  serviceItem: string;

  @Field(() => Int)
  @Min(1)
  referencePriceCents: number;

  @Field(() => Int, { description: 'How far below the reference a price may go, 0–100 %.' })
  @Min(0)
  @Max(100)
  bandPercent: number;
}

@InputType()
export class SetPromiseTemplateInput {
  @Field(() => BusinessTypeEnum)
  businessType: BusinessType;

  @Field(() => Int)
  @Min(1)
  @Max(31)
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  qualityStandard: QualityStandard;
}
