import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { CalendarDateScalar, Guarded, RequestContext } from '@aftercare/subgraph';
import { brandInView } from '../brands/brands.service';
import { FunnelService } from './funnel.service';
import { BrandReplacementFigures, Funnel } from './funnel.types';

@Resolver()
export class FunnelResolver {
  constructor(private readonly funnels: FunnelService) {}

  @Guarded()
  @Query(() => Funnel, { description: 'The call funnel and revenue per agent and tier over the China-time days from–to.' })
  valueAddedFunnel(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<Funnel> {
    return this.funnels.funnel(from, to);
  }

  @Guarded()
  @Query(() => BrandReplacementFigures, { description: "A brand's customers' replacements over the days from–to. A partner sees its own brand only." })
  brandReplacementFigures(
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Ctx() { identity }: RequestContext,
    @Arg('brand', () => String, { nullable: true, description: 'Staff name the brand; a partner may omit it.' }) brand?: string | null,
  ): Promise<BrandReplacementFigures> {
    return this.funnels.brandFigures(brandInView(identity, brand), from, to);
  }
}
