import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { NotBlank } from '@aftercare/subgraph';
import { ContactInitiator, ContactInitiatorEnum, ContactKind, ContactKindEnum } from './maintenance-contact.entity';

@InputType()
export class LogContactInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => ContactKindEnum)
  kind: ContactKind;

  @Field(() => ContactInitiatorEnum, { defaultValue: 'SALES' })
  initiatedBy: ContactInitiator = 'SALES';

  @Field({ nullable: true, description: 'When it happened; defaults to now. Not in the future.' })
  @IsOptional()
  contactedAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  place?: string | null;

  @Field()
  @NotBlank()
  @MaxLength(4000)
  notes: string;
}

@ObjectType({ description: 'How well sales keeps in touch with a customer.' })
export class MaintenanceSummary {
  customerId: string;

  @Field(() => Date, { nullable: true })
  lastContactAt: Date | null;

  @Field(() => Int, { description: 'Contacts in the last 90 days.' })
  contactsLast90Days: number;

  @Field(() => Int, { description: 'On-site visits in the last 90 days.' })
  visitsLast90Days: number;

  @Field(() => Int, { description: 'Contacts per month over the last 90 days, rounded down.' })
  contactsPerMonth: number;
}
