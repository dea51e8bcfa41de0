import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded, RequestContext } from '@aftercare/subgraph';
import { DefineWarrantyTermInput, SetBrandReminderServiceInput } from './brand.inputs';
import { BrandReminderService } from './brand-reminder-service.entity';
import { BrandsService } from './brands.service';
import { WarrantyTerm } from './warranty-term.entity';

@Resolver()
export class BrandResolver {
  constructor(private readonly brands: BrandsService) {}

  @Guarded()
  @Mutation(() => BrandReminderService, { description: "Opts a brand's customers in or out of consumable reminders. A partner sets only its own brand." })
  setBrandReminderService(
    @Arg('input', () => SetBrandReminderServiceInput) input: SetBrandReminderServiceInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<BrandReminderService> {
    return this.brands.setReminderService(input, identity);
  }

  @Guarded()
  @Query(() => [BrandReminderService], { description: "Brands' reminder choices; a partner sees its own. A brand not listed has not opted in." })
  brandReminderServices(@Ctx() { identity }: RequestContext): Promise<BrandReminderService[]> {
    return this.brands.reminderServices(identity);
  }

  @Guarded()
  @Mutation(() => WarrantyTerm, { description: "Sets a brand's warranty for a model (or all its models); replaces the previous term." })
  defineWarrantyTerm(@Arg('input', () => DefineWarrantyTermInput) input: DefineWarrantyTermInput, @Ctx() { identity }: RequestContext): Promise<WarrantyTerm> {
    return this.brands.defineWarrantyTerm(input, identity);
  }

  @Guarded()
  @Query(() => [WarrantyTerm])
  warrantyTerms(): Promise<WarrantyTerm[]> {
    return this.brands.warrantyTerms();
  }
}
