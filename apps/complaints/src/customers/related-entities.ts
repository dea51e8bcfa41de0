import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns orders; complaints adds an order's complaints. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id: string;
}

/** Dispatch owns work orders; complaints adds a work order's complaints. */
@Directive('@key(fields: "id")')
@ObjectType()
export class WorkOrder {
  @Field(() => ID)
  id: string;
}

/** Engineer-network owns engineers; complaints adds the complaints about an engineer's jobs. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Engineer {
  @Field(() => ID)
  id: string;
}
