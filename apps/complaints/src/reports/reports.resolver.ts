import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { CalendarDateScalar, DomainError, ErrorCodes, Guarded, RequestContext } from '@aftercare/subgraph';
import { ComplaintKpis, ProductIssueReport, TrendDimension, TrendDimensionEnum, TrendGranularity, TrendGranularityEnum, TrendPoint } from './report.types';
import { ReportsService } from './reports.service';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Guarded()
  @Query(() => ComplaintKpis, { description: 'KPIs for complaints received on the China-time days from..to.' })
  complaintKpis(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<ComplaintKpis> {
    return this.reports.kpis(from, to);
  }

  @Guarded()
  @Query(() => [TrendPoint])
  complaintTrend(
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Arg('granularity', () => TrendGranularityEnum) granularity: TrendGranularity,
    @Arg('by', () => TrendDimensionEnum, { nullable: true }) by: TrendDimension | null,
  ): Promise<TrendPoint[]> {
    return this.reports.trend(from, to, granularity, by);
  }

  @Guarded()
  @Query(() => ProductIssueReport, { description: "Per model and category, for the manufacturer; a partner brand sees only its own brand's report." })
  productIssueReport(
    @Arg('brand', () => String, { nullable: true, description: 'Defaults to the calling partner’s own brand.' }) brand: string | null,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Ctx() { identity }: RequestContext,
  ): Promise<ProductIssueReport> {
    const own = identity.kind === 'partner' ? identity.partnerCode : null;
    const wanted = brand ?? own;
    if (!wanted) throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'name the brand', { fields: [{ field: 'brand', messages: ['brand is required for staff'] }] });
    if (own !== null && wanted !== own) throw new DomainError(ErrorCodes.FORBIDDEN, "A partner sees only its own brand's report", { brand: wanted });
    return this.reports.productIssues(wanted, from, to);
  }
}
