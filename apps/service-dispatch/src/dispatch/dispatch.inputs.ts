import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, Max, Min } from 'class-validator';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';

@ObjectType({ description: 'What one auto-dispatch run did.' })
export class DispatchRun {
  @Field(() => CalendarDateScalar)
  date: string;

  @Field(() => Int, { description: 'Scheduled work orders of the day that waited for an engineer.' })
  considered: number;

  @Field(() => [ID])
  assignedWorkOrderIds: string[];

  @Field(() => [ID], { description: 'Nobody suitable: announced so the engineer network recruits a backup.' })
  unassignableWorkOrderIds: string[];

  @Field(() => [ID], { description: 'Beyond the service radius: self-installation is offered to the customer.' })
  beyondServiceRadiusWorkOrderIds: string[];
}

@InputType({ description: "A dispatcher's override of the automatic choice." })
export class AssignWorkOrderInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => ID)
  engineerId: string;

  @Field({ description: 'Why the rules are overridden; kept in the history.' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@InputType()
export class AcceptSelfInstallInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => Int, { description: 'The install fee refunded to the customer, fen.' })
  @Min(0)
  @Max(10_000_000)
  installFeeCents: number;
}
