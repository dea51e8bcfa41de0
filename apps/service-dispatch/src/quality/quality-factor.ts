import { Field, Float, Int, ObjectType } from 'type-graphql';

/** What the quality data of one customer or engineer adds up to (counts and 0–100 averages). */
export interface QualityTally {
  completedJobs: number;
  evaluations: number;
  timelyEvaluations: number;
  /** Average of timely evaluations only: a late evaluation says little about the job. */
  evaluationScore: number | null;
  inspections: number;
  inspectionScore: number | null;
  surveys: number;
  satisfactionScore: number | null;
  complaints: number;
  /** Evaluations, inspections and survey answers, and how many of them carry top marks. */
  scored: number;
  perfect: number;
}

/** How much each source weighs in the factor; a source without data drops out and the rest are reweighted. */
export const QUALITY_WEIGHTS = { evaluation: 30, inspection: 30, satisfaction: 20, complaints: 20 } as const;
/** A record this long with nothing but top marks is more likely filled in than earned. */
export const DOUBTFUL_AFTER_PERFECT_SCORES = 10;

@ObjectType({ description: 'The combined quality coefficient (0–100) and the components it is made of.' })
export class QualityFactor {
  @Field(() => Int, { nullable: true, description: 'Weighted over the components that have data; null without any.' })
  factor: number | null;

  @Field(() => Int)
  completedJobs: number;

  @Field(() => Int)
  evaluations: number;

  @Field(() => Float, { nullable: true, description: 'Share of evaluations given within the window after completion.' })
  timelyEvaluationRate: number | null;

  @Field(() => Int, { nullable: true })
  evaluationScore: number | null;

  @Field(() => Int)
  inspections: number;

  @Field(() => Int, { nullable: true })
  inspectionScore: number | null;

  @Field(() => Int)
  surveys: number;

  @Field(() => Int, { nullable: true })
  satisfactionScore: number | null;

  @Field(() => Int)
  complaints: number;

  @Field(() => Int, { nullable: true, description: '100 without complaints, falling to 0 at one complaint per two completed jobs.' })
  complaintScore: number | null;

  @Field({ description: 'The data looks too good to be true (e.g. only top marks over many ratings); check it before trusting the factor.' })
  doubtful: boolean;

  @Field(() => String, { nullable: true })
  doubtfulReason: string | null;
}

export const NO_QUALITY_DATA: QualityTally = {
  completedJobs: 0,
  evaluations: 0,
  timelyEvaluations: 0,
  evaluationScore: null,
  inspections: 0,
  inspectionScore: null,
  surveys: 0,
  satisfactionScore: null,
  complaints: 0,
  scored: 0,
  perfect: 0,
};

function complaintScoreOf(tally: QualityTally): number | null {
  if (tally.completedJobs === 0) return tally.complaints > 0 ? 0 : null;
  return Math.max(0, Math.round(100 - (200 * tally.complaints) / tally.completedJobs));
}

export function qualityFactorOf(tally: QualityTally): QualityFactor {
  const complaintScore = complaintScoreOf(tally);
  const weighted = [
    [tally.evaluationScore, QUALITY_WEIGHTS.evaluation],
    [tally.inspectionScore, QUALITY_WEIGHTS.inspection],
    [tally.satisfactionScore, QUALITY_WEIGHTS.satisfaction],
    [complaintScore, QUALITY_WEIGHTS.complaints],
  ].filter((entry): entry is [number, number] => entry[0] !== null);
  const totalWeight = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  const doubtful = tally.scored >= DOUBTFUL_AFTER_PERFECT_SCORES && tally.perfect === tally.scored;
  return {
    factor: totalWeight === 0 ? null : Math.round(weighted.reduce((sum, [score, weight]) => sum + score * weight, 0) / totalWeight),
    completedJobs: tally.completedJobs,
    evaluations: tally.evaluations,
    timelyEvaluationRate: tally.evaluations === 0 ? null : tally.timelyEvaluations / tally.evaluations,
    evaluationScore: tally.evaluationScore,
    inspections: tally.inspections,
    inspectionScore: tally.inspectionScore,
    surveys: tally.surveys,
    satisfactionScore: tally.satisfactionScore,
    complaints: tally.complaints,
    complaintScore,
    doubtful,
    doubtfulReason: doubtful ? `All ${tally.scored} evaluations, inspections and survey answers carry top marks` : null,
  };
}
