import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns the customer card; complaints adds the customer's complaints. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Customer {
  @Field(() => ID)
  id: string;
}
