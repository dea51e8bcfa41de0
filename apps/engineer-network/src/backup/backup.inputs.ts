import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { defineEnum, NotBlank } from '@aftercare/subgraph';
import { Engineer } from '../engineers/engineer.entity';
import { RegisterEngineerInput } from '../engineers/engineer.inputs';

@InputType({ description: 'Exactly one: an engineer already in the network, or a newcomer to register.' })
export class FillBackupTaskInput {
  @Field(() => ID, { nullable: true, description: 'Activated if on leave; given the city and the skill if they lack them.' })
  @IsOptional()
  engineerId?: string | null;

  @Field(() => RegisterEngineerInput, { nullable: true, description: 'Registered covering the task city with the skill it needs.' })
  @IsOptional()
  @ValidateNested()
  newEngineer?: RegisterEngineerInput | null;
}

@InputType()
export class NeighbouringCitiesInput {
  @Field()
  @NotBlank()
  @MaxLength(50)
  city: string;

  @Field(() => [String], { description: 'Replaces the earlier list.' })
  @ArrayMaxSize(50)
  @NotBlank({ each: true })
  @MaxLength(50, { each: true })
  neighbours: string[];
}

export const CandidateKinds = ['NEARBY', 'TO_CERTIFY'] as const;
export type CandidateKind = (typeof CandidateKinds)[number];
export const CandidateKindEnum = defineEnum(
  CandidateKinds,
  'BackupCandidateKind',
  'NEARBY: has the skill and covers the city or a neighbouring one. TO_CERTIFY: covers the city, lacks the skill.',
);

@ObjectType({ description: 'Someone who could take a backup task.' })
export class BackupCandidate {
  @Field(() => Engineer)
  engineer: Engineer;

  @Field(() => CandidateKindEnum)
  kind: CandidateKind;

  @Field({ description: 'False when the engineer only covers a neighbouring city.' })
  coversCity: boolean;
}

@ObjectType({ description: 'How quickly backup tasks opened in a period were filled.' })
export class BackupTimeToFill {
  @Field(() => Int)
  opened: number;

  @Field(() => Int)
  filled: number;

  @Field(() => Int)
  stillOpen: number;

  @Field(() => Number, { nullable: true })
  averageHours: number | null;

  @Field(() => Number, { nullable: true })
  medianHours: number | null;

  @Field(() => Number, { nullable: true })
  maxHours: number | null;
}
