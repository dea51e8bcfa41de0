import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar, defineEnum } from '@aftercare/subgraph';
import { ComplaintCategory } from '@aftercare/event-contracts';
import { Complaint, ComplaintCategoryEnum, ComplaintPriority, ComplaintPriorityEnum } from '../complaints/complaint.entity';
import { CompensationPayerEnum } from '../compensation/compensation.entity';
import { SlaClockKindEnum } from '../sla/sla-clock.entity';

export const TrendGranularities = ['WEEK', 'MONTH'] as const;
export type TrendGranularity = (typeof TrendGranularities)[number];
export const TrendGranularityEnum = defineEnum(TrendGranularities, 'TrendGranularity');

export const TrendDimensions = ['CATEGORY', 'BRAND', 'MODEL', 'ENGINEER'] as const;
export type TrendDimension = (typeof TrendDimensions)[number];
export const TrendDimensionEnum = defineEnum(TrendDimensions, 'TrendDimension');

@ObjectType()
export class AgentClosedCount {
  @Field()
  agentId: string;

  @Field(() => Int)
  closed: number;
}

@ObjectType({ description: 'Approved compensation per China-time month, payer and currency.' })
export class CompensationPaid {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => CompensationPayerEnum)
  payer: string;

  @Field()
  currency: string;

  @Field(() => Int)
  count: number;

  @Field(() => Float, { description: 'Sum in minor units (exact far beyond any real month).' })
  amountCents: number;
}

@ObjectType({ description: 'How long a step took, in elapsed hours (two decimals), over the complaints that reached it.' })
export class DurationStats {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  medianHours: number | null;

  @Field(() => Float, { nullable: true })
  p90Hours: number | null;
}

@ObjectType({ description: 'Targets of one policy and clock that ended (met or not) or breached in the period.' })
export class SlaAttainment {
  @Field(() => ComplaintCategoryEnum)
  category: ComplaintCategory;

  @Field(() => ComplaintPriorityEnum)
  priority: ComplaintPriority;

  @Field(() => SlaClockKindEnum)
  clock: string;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  total: number;

  @Field(() => Float)
  rate: number;
}

@ObjectType()
export class KeyCount {
  @Field({ description: 'The category, brand, model or engineer id; "unknown" where the complaint has none.' })
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'The care team’s figures for complaints received in a period (China-time days).' })
export class ComplaintKpis {
  @Field(() => CalendarDateScalar)
  from: string;

  @Field(() => CalendarDateScalar)
  to: string;

  @Field(() => Int)
  received: number;

  @Field(() => [AgentClosedCount], { description: 'Complaints closed in the period, per agent who closed them.' })
  closedPerAgent: AgentClosedCount[];

  @Field(() => [CompensationPaid], { description: 'Compensation approved in the period.' })
  compensationPaid: CompensationPaid[];

  @Field(() => DurationStats)
  timeToContact: DurationStats;

  @Field(() => DurationStats)
  timeToOpinion: DurationStats;

  @Field(() => DurationStats)
  timeToResolution: DurationStats;

  @Field(() => [SlaAttainment])
  slaAttainment: SlaAttainment[];

  @Field(() => Float, { description: 'Share of the period’s complaints that were reopened at least once.' })
  reopenRate: number;

  @Field(() => [KeyCount])
  byCategory: KeyCount[];

  @Field(() => [KeyCount])
  byBrand: KeyCount[];

  @Field(() => [KeyCount])
  byModel: KeyCount[];

  @Field(() => [KeyCount])
  byEngineer: KeyCount[];
}

@ObjectType()
export class TrendPoint {
  @Field(() => CalendarDateScalar, { description: 'The Monday of the week, or the first of the month.' })
  periodStart: string;

  @Field({ description: 'The category, brand, model or engineer; "all" without a dimension.' })
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ProductIssue {
  @Field()
  productModel: string;

  @Field(() => ComplaintCategoryEnum)
  category: ComplaintCategory;

  @Field(() => Int)
  count: number;

  @Field(() => [ID])
  exampleIds: string[];

  @Field(() => [Complaint], { description: 'Up to three, newest first.' })
  examples: Complaint[];
}

@ObjectType({ description: 'What customers reported about one brand’s products, for the manufacturer.' })
export class ProductIssueReport {
  @Field()
  brand: string;

  @Field(() => CalendarDateScalar)
  from: string;

  @Field(() => CalendarDateScalar)
  to: string;

  @Field(() => [ProductIssue])
  issues: ProductIssue[];
}
