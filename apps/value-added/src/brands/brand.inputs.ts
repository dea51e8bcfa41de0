import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';

@InputType()
export class SetBrandReminderServiceInput {
  @Field({ description: 'The brand; a partner may name only its own (its partner code).' })
  @NotBlank()
  @MaxLength(100)
  brand: string;

  @Field()
  optedIn: boolean;
}

@InputType()
export class DefineWarrantyTermInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  brand: string;

  @Field(() => String, { nullable: true, description: 'Omit for every model of the brand without a term of its own.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  productModel?: string | null;

  @Field(() => Int, { description: 'Months from the install day, 1–120.' })
  @Min(1)
  @Max(120)
  months: number;
}
