import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Sales owns orders; dispatch only adds the work orders that fulfil them. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id: string;
}
