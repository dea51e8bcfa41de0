import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Dispatch owns work orders; complaints adds a work order's complaints. */
@Directive('@key(fields: "id")')
@ObjectType()
export class WorkOrder {
  @Field(() => ID)
  id: string;
}
