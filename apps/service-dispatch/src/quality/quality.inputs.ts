import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: "The customer's evaluation of a completed job." })
export class SubmitEvaluationInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => Int, { description: '1–5.' })
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: "A supervisor's on-site quality inspection of a job." })
export class RecordInspectionInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => Int, { description: '0–100.' })
  @Min(0)
  @Max(100)
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  findings?: string | null;
}

@InputType({ description: "A customer's answer to a satisfaction survey." })
export class RecordSurveyInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The job asked about, if any.' })
  @IsOptional()
  workOrderId?: string | null;

  @Field(() => Int, { description: '1–5.' })
  @Min(1)
  @Max(5)
  satisfaction: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}
