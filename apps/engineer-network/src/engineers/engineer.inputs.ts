import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { EngineerEmployment, EngineerStatus, UnavailabilityReason } from '@aftercare/event-contracts';
import { CalendarDateScalar, IsPhone, NotBlank } from '@aftercare/subgraph';
import { EngineerEmploymentEnum, EngineerStatusEnum } from './engineer.entity';
import { UnavailabilityReasonEnum } from './unavailability-window.entity';

@InputType({ description: 'A brand and product model the engineer is certified for, and since when.' })
export class SkillInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  brand: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field(() => CalendarDateScalar)
  certifiedOn: string;
}

@InputType()
export class RegisterEngineerInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field({ description: 'Must not belong to an engineer already registered.' })
  @IsPhone()
  phone: string;

  @Field(() => EngineerEmploymentEnum)
  employment: EngineerEmployment;

  @Field()
  @NotBlank()
  @MaxLength(50)
  homeCity: string;

  @Field(() => [String], { defaultValue: [], description: 'Further cities covered; the home city is always covered.' })
  @ArrayMaxSize(50)
  @NotBlank({ each: true })
  @MaxLength(50, { each: true })
  cities: string[];

  @Field(() => [SkillInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  skills: SkillInput[];

  @Field(() => Int, { description: 'Jobs per day, 1–20.' })
  @Min(1)
  @Max(20)
  dailyCapacity: number;
}

@InputType({ description: 'Only the fields given change; the full profile is published afterwards.' })
export class ChangeEngineerProfileInput {
  @Field(() => EngineerStatusEnum, { nullable: true })
  @IsOptional()
  status?: EngineerStatus | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the covered cities; the home city stays covered.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @NotBlank({ each: true })
  @MaxLength(50, { each: true })
  cities?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Jobs per day, 1–20.' })
  @IsOptional()
  @Min(1)
  @Max(20)
  dailyCapacity?: number | null;
}

@InputType()
export class UnavailabilityInput {
  @Field(() => CalendarDateScalar)
  startsOn: string;

  @Field(() => CalendarDateScalar, { description: 'Inclusive; not before startsOn.' })
  endsOn: string;

  @Field(() => UnavailabilityReasonEnum)
  reason: UnavailabilityReason;
}
