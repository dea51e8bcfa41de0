import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';
import { ReturnVisitOutcome, ReturnVisitOutcomeEnum } from './return-visit.entity';

@InputType()
export class RemovedMachineInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  brand: string;

  @Field({ description: 'Why the customer dropped it: service, product, price…' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@InputType()
export class CompleteWorkOrderInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => String, { nullable: true, description: 'Required for an install.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  installedSerial?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  measuredAreaM2?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @NotBlank({ each: true })
  replacedStages?: string[] | null;

  @Field({ defaultValue: false, description: 'The customer changed their mind at the door: nothing replaced, nothing collected.' })
  refusedAtDoor: boolean;

  @Field(() => Int, { defaultValue: 0, description: 'Fen.' })
  @Min(0)
  @Max(100_000_000)
  paymentCollectedCents: number;

  @Field(() => Int, { nullable: true, description: 'Fen the customer refused to pay; set when they refused.' })
  @IsOptional()
  @Min(1)
  @Max(100_000_000)
  refusedAmountCents?: number | null;

  @Field(() => RemovedMachineInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  removedMachine?: RemovedMachineInput | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @NotBlank({ each: true })
  @MaxLength(300, { each: true })
  photoRefs?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType()
export class RecordReturnVisitInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => ReturnVisitOutcomeEnum)
  outcome: ReturnVisitOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}
