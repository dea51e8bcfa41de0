import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';

/** A machine installed before we served it (a brand that opts in hands over its installed base). */
@InputType()
export class InstalledDeviceInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  serial: string;

  @Field(() => ID, { description: "The customer's card in sales." })
  @IsUUID()
  customerId: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  brand: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  city: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  address: string;

  @Field(() => CalendarDateScalar, { description: 'Not after today.' })
  installedOn: string;
}
