import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { ChurnAttribution } from '@aftercare/event-contracts';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';
import { ChurnReason, ChurnReasonEnum } from './churn-reason';
import { ChurnAttributionEnum, ChurnRecord } from './churn-record.entity';

@InputType()
export class RecordChurnInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => ChurnReasonEnum)
  reason: ChurnReason;

  @Field(() => CalendarDateScalar)
  churnedOn: string;

  @Field()
  @NotBlank()
  @MaxLength(4000)
  notes: string;
}

@ArgsType()
export class ChurnReportArgs {
  @Field(() => CalendarDateScalar)
  from: string;

  @Field(() => CalendarDateScalar, { description: 'Inclusive.' })
  to: string;
}

@ObjectType()
export class ChurnAttributionCount {
  @Field(() => ChurnAttributionEnum)
  attribution: ChurnAttribution;

  @Field(() => Int)
  customers: number;
}

@ObjectType({ description: 'Lost customers over a period and who lost them.' })
export class ChurnReport {
  @Field(() => Int)
  total: number;

  @Field(() => [ChurnAttributionCount], { description: 'One row per attribution, zero counts included.' })
  byAttribution: ChurnAttributionCount[];

  @Field(() => [ChurnRecord], { description: 'Each lost customer with the evidence, newest first.' })
  records: ChurnRecord[];
}
