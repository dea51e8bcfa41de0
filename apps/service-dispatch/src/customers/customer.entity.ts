import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns the customer card; dispatch adds the customer's work orders and quality factor. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Customer {
  @Field(() => ID)
  id: string;
}
