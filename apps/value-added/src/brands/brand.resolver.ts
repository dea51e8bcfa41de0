import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '@aftercare/subgraph';
import { BRAND_VIEWERS, CAMPAIGN_RUNNERS, DEVICE_READERS } from '../roles';
import { DefineWarrantyTermInput, SetBrandReminderServiceInput } from './brand.inputs';
import { BrandReminderService } from './brand-reminder-service.entity';
import { BrandsService } from './brands.service';
import { WarrantyTerm } from './warranty-term.entity';

@Resolver()
export class BrandResolver {
  constructor(private readonly brands: BrandsService) {}

  @Authorized(...BRAND_VIEWERS)
  @Mutation(() => BrandReminderService, { description: "Opts a brand's customers in or out of consumable reminders. A partner sets only its own brand." })
  setBrandReminderService(@Arg('input', () => SetBrandReminderServiceInput) input: SetBrandReminderServiceInput, @Ctx() { identity }: RequestContext): Promise<BrandReminderService> {
    return this.brands.setReminderService(input, identity);
  }

  @Authorized(...BRAND_VIEWERS, 'VALUE_ADDED_AGENT')
  @Query(() => [BrandReminderService], { description: "Brands' reminder choices; a partner sees its own. A brand not listed has not opted in." })
  brandReminderServices(@Ctx() { identity }: RequestContext): Promise<BrandReminderService[]> {
    return this.brands.reminderServices(identity);
  }

  @Authorized(...CAMPAIGN_RUNNERS)
  @Mutation(() => WarrantyTerm, { description: "Sets a brand's warranty for a model (or all its models); replaces the previous term." })
  defineWarrantyTerm(@Arg('input', () => DefineWarrantyTermInput) input: DefineWarrantyTermInput, @Ctx() { identity }: RequestContext): Promise<WarrantyTerm> {
    return this.brands.defineWarrantyTerm(input, identity);
  }

  @Authorized(...DEVICE_READERS)
  @Query(() => [WarrantyTerm])
  warrantyTerms(): Promise<WarrantyTerm[]> {
    return this.brands.warrantyTerms();
  }
}
