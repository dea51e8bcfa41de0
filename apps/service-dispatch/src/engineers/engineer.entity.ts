import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** engineer-network owns engineers; dispatch adds the work orders they were given and their quality factor. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Engineer {
  @Field(() => ID)
  id: string;
}
