import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import type { WorkOrderType } from '@aftercare/event-contracts';
import { CalendarDateScalar, ConnectionType, NotBlank, PageArgs } from '@aftercare/subgraph';
import { WorkOrder, WorkOrderStatus, WorkOrderStatusEnum, WorkOrderTypeEnum } from './work-order.entity';

@ObjectType()
export class WorkOrderConnection extends ConnectionType(WorkOrder) {}

/** The dispatcher board's filters; every one given must hold. */
@ArgsType()
export class WorkOrderSearchArgs extends PageArgs {
  @Field(() => WorkOrderStatusEnum, { nullable: true })
  @IsOptional()
  status?: WorkOrderStatus | null;

  @Field(() => WorkOrderTypeEnum, { nullable: true })
  @IsOptional()
  type?: WorkOrderType | null;

  @Field(() => String, { nullable: true, description: 'The site city (case-insensitive).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  city?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The appointment day.' })
  @IsOptional()
  date?: string | null;

  @Field(() => ID, { nullable: true, description: 'The engineer the work orders are assigned to.' })
  @IsOptional()
  @IsUUID()
  engineerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those nobody could take, waiting for a backup engineer.' })
  @IsOptional()
  awaitingBackup?: boolean | null;
}
