import { Field, InputType, Int } from 'type-graphql';
import { Max, MaxLength, Min } from 'class-validator';
import type { EngineerEmployment } from '@aftercare/event-contracts';
import { IsPhone, NotBlank } from '@aftercare/subgraph';
import { EngineerEmploymentEnum } from './engineer.entity';

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

  @Field(() => Int, { description: 'Jobs per day, 1–20.' })
  @Min(1)
  @Max(20)
  dailyCapacity: number;
}
