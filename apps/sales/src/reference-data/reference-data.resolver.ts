import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, Guarded, RequestContext } from '@aftercare/subgraph';
import { PromiseTemplate, ReferenceDataChange, ReferenceDataKind, ReferenceDataKindEnum, ReferencePrice } from './reference-data.entities';
import { SetPromiseTemplateInput, SetReferencePriceInput } from './reference-data.inputs';
import { ReferenceDataService } from './reference-data.service';

@Resolver()
export class ReferenceDataResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Guarded()
  @Mutation(() => ReferencePrice, { description: 'Sets the reference price and band of one region × business type × service item.' })
  setReferencePrice(@Arg('input', () => SetReferencePriceInput) input: SetReferencePriceInput, @Ctx() { identity }: RequestContext): Promise<ReferencePrice> {
    return this.referenceData.setReferencePrice(identity, input);
  }

  @Guarded()
  @Mutation(() => PromiseTemplate, { description: 'Sets the standard promise of one business type.' })
  setPromiseTemplate(
    @Arg('input', () => SetPromiseTemplateInput) input: SetPromiseTemplateInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<PromiseTemplate> {
    return this.referenceData.setPromiseTemplate(identity, input);
  }

  @Guarded()
  @Mutation(() => Int, { description: 'How far (percent) a measured area may differ from the signed one before a dispute opens; default 10.' })
  setAreaTolerance(@Arg('percent', () => Int) percent: number, @Ctx() { identity }: RequestContext): Promise<number> {
    if (percent < 0 || percent > 100) throw badInput('percent must be 0–100', 'percent');
    return this.referenceData.setAreaTolerance(identity, percent);
  }

  @Guarded()
  @Query(() => [ReferencePrice])
  referencePrices(@Arg('region', () => String, { nullable: true }) region?: string | null): Promise<ReferencePrice[]> {
    return this.referenceData.referencePrices(region ?? undefined);
  }

  @Guarded()
  @Query(() => [PromiseTemplate])
  promiseTemplates(): Promise<PromiseTemplate[]> {
    return this.referenceData.promiseTemplates();
  }

  @Guarded()
  @Query(() => Int)
  areaTolerancePercent(): Promise<number> {
    return this.referenceData.areaTolerancePercent();
  }

  @Guarded()
  @Query(() => [ReferenceDataChange], { description: 'Changes to the reference data, newest first.' })
  referenceDataHistory(@Arg('kind', () => ReferenceDataKindEnum, { nullable: true }) kind?: ReferenceDataKind | null): Promise<ReferenceDataChange[]> {
    return this.referenceData.history(kind ?? undefined);
  }
}
