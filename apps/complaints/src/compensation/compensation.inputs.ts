import { Field, InputType, Int } from 'type-graphql';
import { Matches, Max, MaxLength, Min } from 'class-validator';
import { CompensationPayer } from '@aftercare/event-contracts';
import { NotBlank } from '@aftercare/subgraph';
import { CompensationPayerEnum } from './compensation.entity';

@InputType()
export class ProposeCompensationInput {
  @Field(() => Int, { description: "In the currency's minor unit (fen for CNY), 1 – 100 000 000." })
  @Min(1)
  @Max(100_000_000)
  amountCents: number;

  @Field({ defaultValue: 'CNY', description: 'ISO 4217.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field(() => CompensationPayerEnum)
  payer: CompensationPayer;

  @Field()
  @NotBlank()
  @MaxLength(2000)
  reason: string;
}
