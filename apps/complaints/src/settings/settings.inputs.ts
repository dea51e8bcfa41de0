import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ComplaintCategory } from '@aftercare/event-contracts';
import { CalendarDateScalar, NotBlank } from '@aftercare/subgraph';
import { ComplaintCategoryEnum, ComplaintPriority, ComplaintPriorityEnum } from '../complaints/complaint.entity';
import { SlaTimeBase, SlaTimeBaseEnum } from '../sla/sla-policy.entity';

@InputType()
export class SetBrandInsuranceInput {
  @Field({ description: "The brand as complaints see it: a partner brand's code (e.g. PHILIPS), or the brand on dispatch's work orders." })
  @NotBlank()
  @MaxLength(64)
  brand: string;

  @Field()
  insured: boolean;

  @Field(() => String, { nullable: true, description: 'Who insures the brand; only for an insured brand.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  insurer?: string | null;
}

/** A year of hours is far beyond any target the seeds describe; anything larger is a typing error. */
const MAX_TARGET_HOURS = 8760;

@InputType({ description: 'The targets of one category × priority. Complaints filed from now on run on them; running clocks keep their deadlines.' })
export class DefineSlaPolicyInput {
  @Field(() => ComplaintCategoryEnum)
  category: ComplaintCategory;

  @Field(() => ComplaintPriorityEnum)
  priority: ComplaintPriority;

  @Field(() => Int)
  @Min(1)
  @Max(MAX_TARGET_HOURS)
  firstContactHours: number;

  @Field(() => Int)
  @Min(1)
  @Max(MAX_TARGET_HOURS)
  opinionHours: number;

  @Field(() => Int)
  @Min(1)
  @Max(MAX_TARGET_HOURS)
  resolutionHours: number;

  @Field(() => SlaTimeBaseEnum, { defaultValue: 'BUSINESS_HOURS' })
  countedIn: SlaTimeBase;

  @Field(() => Int, { defaultValue: 30, description: 'How long before a target the warning goes out, 0–10,080 minutes.' })
  @Min(0)
  @Max(10080)
  warnBeforeMinutes: number;

  @Field({
    defaultValue: false,
    description: "Public holidays do not count on the opinion and resolution clocks; first contact, the hotline's, always counts every day.",
  })
  backOfficeObservesHolidays: boolean;
}

@InputType()
export class SetBusinessHolidayInput {
  @Field(() => CalendarDateScalar, { description: 'China time.' })
  day: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  name: string;
}
