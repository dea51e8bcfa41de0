import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '@aftercare/subgraph';

export const CoverageGapKinds = ['NONE', 'NO_ENGINEER', 'OVER_CAPACITY'] as const;
export type CoverageGapKind = (typeof CoverageGapKinds)[number];
export const CoverageGapKindEnum = defineEnum(
  CoverageGapKinds,
  'CoverageGap',
  'NO_ENGINEER: jobs came in but no active engineer covers the city with the skill. OVER_CAPACITY: the busiest day needed more jobs than their daily capacity.',
);

@ObjectType({ description: 'Supply and demand of one brand/model skill in one city.' })
export class SkillCoverage {
  @Field()
  city: string;

  @Field()
  brand: string;

  @Field()
  productModel: string;

  @Field(() => Int, { description: 'ACTIVE engineers covering the city who hold the skill.' })
  activeEngineers: number;

  @Field(() => Int, { description: 'Their combined daily capacity (shared with their other skills).' })
  dailyCapacity: number;

  @Field(() => Int, { description: 'Work orders for this skill in the city over the period.' })
  jobs: number;

  @Field(() => Int, { description: 'Of those, how many dispatch could not place.' })
  unplacedJobs: number;

  @Field(() => Int, { description: 'Jobs on the busiest day of the period.' })
  busiestDayJobs: number;

  @Field(() => CoverageGapKindEnum)
  gap: CoverageGapKind;
}
