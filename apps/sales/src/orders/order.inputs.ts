import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import type { OrderChannel } from '@aftercare/event-contracts';
import { IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
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

  @Field(() => Float, {
    nullable: true,
    description:
      "The site's latitude (WGS-84 degrees), with longitude; dispatch measures the distance to the site from it (self-install offer, engineer's distance band).",
  })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "The site's longitude (WGS-84 degrees), with latitude." })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;
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
