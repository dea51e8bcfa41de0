import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { NotBlank } from '@aftercare/subgraph';
import { SettlementWorkTypeEnum } from './tariff.entity';

@InputType()
export class DefineTariffInput {
  @Field(() => SettlementWorkTypeEnum)
  workType: WorkOrderType;

  @Field(() => String, { nullable: true, description: 'Leave out for the fee of any brand without its own tariff.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'The band starts at this distance (km), 0–1000.' })
  @Min(0)
  @Max(1000)
  distanceFromKm: number;

  @Field(() => Int, { description: 'CNY fen, 1 – 10 000 000.' })
  @Min(1)
  @Max(10_000_000)
  feeCents: number;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  effectiveFrom?: Date | null;
}
