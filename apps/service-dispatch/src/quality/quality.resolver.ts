import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';

import { QualityRecord } from './quality-record.entity';
import { RecordInspectionInput, RecordSurveyInput, SubmitEvaluationInput } from './quality.inputs';
import { QualityService } from './quality.service';

@Resolver(() => QualityRecord)
export class QualityResolver {
  constructor(private readonly quality: QualityService) {}

  @Guarded()
  @Mutation(() => QualityRecord, { description: "Records the customer's evaluation of a completed job (once per job; EVALUATION_EXISTS otherwise)." })
  submitEvaluation(@Arg('input', () => SubmitEvaluationInput) input: SubmitEvaluationInput, @Ctx() { identity }: RequestContext): Promise<QualityRecord> {
    return this.quality.submitEvaluation(input, identity);
  }

  @Guarded()
  @Mutation(() => QualityRecord, { description: "A supervisor's on-site inspection of a job in progress or done." })
  recordInspection(@Arg('input', () => RecordInspectionInput) input: RecordInspectionInput, @Ctx() { identity }: RequestContext): Promise<QualityRecord> {
    return this.quality.recordInspection(input, identity);
  }

  @Guarded()
  @Mutation(() => QualityRecord, { description: "A customer's satisfaction survey answer." })
  recordSatisfactionSurvey(@Arg('input', () => RecordSurveyInput) input: RecordSurveyInput, @Ctx() { identity }: RequestContext): Promise<QualityRecord> {
    return this.quality.recordSurvey(input, identity);
  }
}
