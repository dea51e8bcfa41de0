import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { ConnectionType, PageArgs } from '@aftercare/subgraph';
import { Contract, ContractStatus, ContractStatusEnum } from './contract.entity';

@ObjectType()
export class ContractConnection extends ConnectionType(Contract) {}

@ArgsType()
export class ContractSearchArgs extends PageArgs {
  @Field(() => ContractStatusEnum, { nullable: true })
  @IsOptional()
  status?: ContractStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only contracts waiting for their archive review (PENDING_REVIEW).' })
  @IsOptional()
  awaitingReview?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Special customers (low price, high cost) only, or none of them.' })
  @IsOptional()
  specialCustomer?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Contracts under investigation only, or none of them.' })
  @IsOptional()
  disputed?: boolean | null;
}
