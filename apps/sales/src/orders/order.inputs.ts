import { Field, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { CalendarDateScalar, ConnectionType, IsPhone, NotBlank } from '@aftercare/subgraph';
import { Order } from './order.entity';

@InputType({ description: 'The end customer of a partner order and where to install.' })
export class EndCustomerInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field()
  @IsPhone()
  phone: string;

  @Field()
  @NotBlank()
  @MaxLength(50)
  city: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  address: string;
}

@InputType()
export class SubmitInstallOrderInput {
  @Field({ description: "The partner's own order reference; resubmitting it returns the existing order." })
  @NotBlank()
  @MaxLength(100)
  externalRef: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field(() => EndCustomerInput)
  @ValidateNested()
  customer: EndCustomerInput;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  preferredDate?: string | null;
}

@ObjectType()
export class OrderConnection extends ConnectionType(Order) {}
