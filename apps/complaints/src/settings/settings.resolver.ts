import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, CalendarDateScalar, Guarded, RequestContext } from '@aftercare/subgraph';
import { BrandInsurance } from '../complaints/brand-insurance.entity';
import { BusinessHoliday } from '../sla/holiday.entity';
import { SlaPolicy } from '../sla/sla-policy.entity';
import { SettingsChange, SettingsKind, SettingsKindEnum } from './settings-change.entity';
import { DefineSlaPolicyInput, SetBrandInsuranceInput, SetBusinessHolidayInput } from './settings.inputs';
import { SettingsService } from './settings.service';

/** Two years of holidays is more than a calendar screen shows; a wider range is a mistake, not a request. */
const MAX_HOLIDAY_RANGE_DAYS = 731;

@Resolver()
export class SettingsResolver {
  constructor(private readonly settings: SettingsService) {}

  @Guarded()
  @Mutation(() => BrandInsurance, {
    description:
      'Whether a brand (e.g. a partner registered through the graph) is insured; product liability determined from now on shows it as brandInsured. On record in complaintSettingsHistory.',
  })
  setBrandInsurance(@Arg('input', () => SetBrandInsuranceInput) input: SetBrandInsuranceInput, @Ctx() { identity }: RequestContext): Promise<BrandInsurance> {
    return this.settings.setBrandInsurance(identity, input);
  }

  @Guarded()
  @Mutation(() => SlaPolicy, {
    description: 'Defines or changes the SLA targets of one category × priority for complaints filed from now on. On record in complaintSettingsHistory.',
  })
  defineSlaPolicy(@Arg('input', () => DefineSlaPolicyInput) input: DefineSlaPolicyInput, @Ctx() { identity }: RequestContext): Promise<SlaPolicy> {
    return this.settings.defineSlaPolicy(identity, input);
  }

  @Guarded()
  @Mutation(() => BusinessHoliday, {
    description: "Declares (or renames) a public holiday, skipped by back-office clocks whose policy observes holidays; the hotline's never. On record.",
  })
  setBusinessHoliday(
    @Arg('input', () => SetBusinessHolidayInput) input: SetBusinessHolidayInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<BusinessHoliday> {
    return this.settings.setHoliday(identity, input);
  }

  @Guarded()
  @Mutation(() => BusinessHoliday, { description: 'Removes a public holiday (NOT_FOUND if it is none); returns what was removed. On record.' })
  removeBusinessHoliday(@Arg('day', () => CalendarDateScalar) day: string, @Ctx() { identity }: RequestContext): Promise<BusinessHoliday> {
    return this.settings.removeHoliday(identity, day);
  }

  @Guarded()
  @Query(() => [BrandInsurance], { description: 'Every brand whose insurance is on record, by brand.' })
  brandInsurances(): Promise<BrandInsurance[]> {
    return this.settings.brandInsurances();
  }

  @Guarded()
  @Query(() => [SlaPolicy], { description: 'The SLA policies, by category and priority.' })
  slaPolicies(): Promise<SlaPolicy[]> {
    return this.settings.slaPolicies();
  }

  @Guarded()
  @Query(() => [BusinessHoliday], { description: 'The public holidays between two days (inclusive, at most two years apart), in order.' })
  businessHolidays(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<BusinessHoliday[]> {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0) throw badInput('to must not be before from', 'to');
    if (days > MAX_HOLIDAY_RANGE_DAYS) throw badInput(`At most ${MAX_HOLIDAY_RANGE_DAYS} days at once`, 'to');
    return this.settings.holidays(from, to);
  }

  @Guarded()
  @Query(() => [SettingsChange], {
    description: 'Changes to brand insurance, SLA policies and holidays, newest first (up to 200): who, when, before and after.',
  })
  complaintSettingsHistory(@Arg('kind', () => SettingsKindEnum, { nullable: true }) kind: SettingsKind | null): Promise<SettingsChange[]> {
    return this.settings.history(kind);
  }
}
