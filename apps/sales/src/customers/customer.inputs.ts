import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionType, IsPhone, NotBlank, PageArgs } from '@aftercare/subgraph';
import { Customer } from './customer.entity';
import { BusinessType, BusinessTypeEnum, ProspectGrade, ProspectGradeEnum } from './customer-profile';

@InputType()
export class CustomerContactPersonInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field()
  @IsPhone()
  phone: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  position?: string | null;
}

@InputType()
export class CustomerSiteInput {
  @Field()
  @NotBlank()
  @MaxLength(50)
  city: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  address: string;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @Min(0)
  areaM2?: number | null;
}

/** The profile fields a card can be created with and later changed (the grade has its own, recorded path). */
@InputType()
export class CustomerProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(300)
  address?: string;

  @Field({ nullable: true, description: 'Defaults to the city.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  region?: string;

  @Field(() => BusinessTypeEnum, { nullable: true })
  @IsOptional()
  businessType?: BusinessType;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  scale?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  influence?: number;

  @Field({ nullable: true })
  @IsOptional()
  key?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  serviceContactId?: string | null;

  @Field(() => [CustomerContactPersonInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contacts?: CustomerContactPersonInput[];

  @Field(() => [CustomerSiteInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  sites?: CustomerSiteInput[];
}

@InputType()
export class CreateCustomerInput extends CustomerProfileInput {
  @Field()
  @NotBlank()
  @MaxLength(100)
  declare name: string;

  @Field()
  @IsPhone()
  phone: string;

  @Field()
  @NotBlank()
  @MaxLength(50)
  declare city: string;

  @Field()
  @NotBlank()
  @MaxLength(300)
  declare address: string;

  @Field(() => ProspectGradeEnum, { defaultValue: 'F' })
  grade: ProspectGrade = 'F';

  @Field(() => ID, { nullable: true, description: 'The customer who recommended this one.' })
  @IsOptional()
  referredById?: string | null;

  @Field(() => ID, { nullable: true, description: 'The owner salesperson; a SALES caller always owns what they create.' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType()
export class ChangeProspectGradeInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => ProspectGradeEnum)
  grade: ProspectGrade;

  @Field()
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class CustomerSearchArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name or phone number.' })
  @IsOptional()
  @MaxLength(100)
  text?: string;

  @Field(() => ProspectGradeEnum, { nullable: true })
  @IsOptional()
  grade?: ProspectGrade;

  @Field({ nullable: true })
  @IsOptional()
  region?: string;

  @Field(() => BusinessTypeEnum, { nullable: true })
  @IsOptional()
  businessType?: BusinessType;

  @Field(() => ID, { nullable: true, description: 'Owner salesperson (a SALES caller always sees only their own).' })
  @IsOptional()
  ownerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  key?: boolean;
}

@ObjectType()
export class CustomerConnection extends ConnectionType(Customer) {}
