import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Engineer-network owns engineers; complaints adds the complaints about an engineer's jobs. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Engineer {
  @Field(() => ID)
  id: string;
}
