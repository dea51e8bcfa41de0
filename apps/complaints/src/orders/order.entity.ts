import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns orders; complaints adds an order's complaints. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id: string;
}
