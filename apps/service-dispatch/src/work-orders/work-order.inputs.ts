import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';
import { AppointmentSlot, AppointmentSlotEnum, WorkOrderTypeEnum } from './work-order.entity';

@InputType({ description: 'A job a dispatcher opens by hand (a repair call, an uninstall, a survey…).' })
export class CreateWorkOrderInput {
  @Field(() => WorkOrderTypeEnum)
  type: WorkOrderType;

  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field()
  @NotBlank()
  @MaxLength(50)
  city: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  siteAddress: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  contractId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  productModel?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @NotBlank({ each: true })
  stages?: string[] | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  preferredDate?: string | null;

  @Field(() => Float, { nullable: true, description: 'Road distance to the site, km.' })
  @IsOptional()
  @Min(0)
  distanceKm?: number | null;
}

@InputType()
export class ScheduleWorkOrderInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: "Defaults to the customer's preferred date." })
  @IsOptional()
  appointmentDate?: string | null;

  @Field(() => AppointmentSlotEnum)
  slot: AppointmentSlot;
}

@InputType()
export class RescheduleWorkOrderInput {
  @Field(() => ID)
  workOrderId: string;

  @Field(() => CalendarDateScalar)
  appointmentDate: string;

  @Field(() => AppointmentSlotEnum)
  slot: AppointmentSlot;

  @Field({ description: 'Why the appointment moves (customer asked, refused at the door…).' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@InputType()
export class CancelWorkOrderInput {
  @Field(() => ID)
  workOrderId: string;

  @Field()
  @NotBlank()
  @MaxLength(500)
  reason: string;
}
