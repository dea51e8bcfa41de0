import { Arg, Int, Query, Resolver } from 'type-graphql';
import { badInput, Guarded } from '@aftercare/subgraph';
import { CoverageService } from './coverage.service';
import { SkillCoverage } from './skill-coverage';

const MAX_DAYS = 366;

function checkedDays(days: number): number {
  if (days < 1 || days > MAX_DAYS) throw badInput(`days must be 1–${MAX_DAYS}`, 'days');
  return days;
}

@Resolver(() => SkillCoverage)
export class CoverageResolver {
  constructor(private readonly coverageService: CoverageService) {}

  @Guarded()
  @Query(() => [SkillCoverage], { description: 'Per brand/model in the city: engineers, capacity and the jobs of the last `days` days.' })
  coverage(@Arg('city') city: string, @Arg('days', () => Int, { defaultValue: 30 }) days: number): Promise<SkillCoverage[]> {
    return this.coverageService.coverage(city.trim(), checkedDays(days));
  }

  @Guarded()
  @Query(() => [SkillCoverage], { description: 'Every city and brand/model with no engineer for its jobs, or more jobs than capacity.' })
  async coverageGaps(@Arg('days', () => Int, { defaultValue: 30 }) days: number): Promise<SkillCoverage[]> {
    return (await this.coverageService.coverage(null, checkedDays(days))).filter((row) => row.gap !== 'NONE');
  }
}
