import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns the customer card; value-added adds the customer's consumables and next replacement. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Customer {
  @Field(() => ID)
  id: string;
}
