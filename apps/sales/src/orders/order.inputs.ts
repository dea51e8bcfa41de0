import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { OrderChannel } from '@aftercare/event-contracts';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { CalendarDateScalar, ConnectionType, IsPhone, NotBlank } from '@aftercare/subgraph';
import { Order, OrderChannelEnum } from './order.entity';

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

@InputType({ description: "An order through one of the company's own channels, for an existing customer card." })
export class PlaceOrderInput {
  @Field(() => OrderChannelEnum)
  channel: OrderChannel;

  @Field(() => ID)
  customerId: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  productModel: string;

  @Field({ nullable: true, description: "Defaults to the customer's address." })
  @IsOptional()
  @NotBlank()
  @MaxLength(300)
  siteAddress?: string;

  @Field({ nullable: true, description: "Defaults to the customer's city." })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  city?: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  preferredDate?: string | null;
}

@ObjectType()
export class OrderConnection extends ConnectionType(Order) {}
