import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';
import { Salesperson } from './salesperson.entity';

@InputType()
export class RegisterSalespersonInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  team: string;

  @Field(() => String, {
    nullable: true,
    description: 'The `sub` of their staff token (any string, e.g. "li.na"); left out, their token carries the new salesperson id.',
  })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  staffUserId?: string | null;
}

@InputType({ description: 'Name the successors, or leave them out to spread the customers over the rest of the team.' })
export class DepartSalespersonInput {
  @Field(() => ID)
  salespersonId: string;

  @Field(() => [ID], { nullable: true, description: 'Customers are dealt out to these in turn.' })
  @IsOptional()
  @ArrayMaxSize(100)
  successorIds?: string[];
}

@ObjectType({ description: "How a departing salesperson's customers were handed over." })
export class Handover {
  @Field(() => Salesperson)
  salesperson: Salesperson;

  @Field(() => Int)
  customersReassigned: number;

  @Field(() => [Salesperson])
  successors: Salesperson[];
}
