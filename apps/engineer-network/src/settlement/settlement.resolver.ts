import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { StaffIdentity } from '@aftercare/identity';
import { badInput, CalendarDateScalar, groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { SettlementBacklog } from './settlement-backlog';
import { SettlementHold } from './settlement-hold.entity';
import { SettlementLine, SettlementLineStatus, SettlementLineStatusEnum, statusOf } from './settlement-line.entity';
import { SettlementService } from './settlement.service';

const HOLDS = Symbol('holdsByWorkOrder');
const MAX_DAYS = 366;

function checkedPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw badInput('to must not be before from', 'to');
  if (days > MAX_DAYS) throw badInput(`at most ${MAX_DAYS} days at a time`, 'to');
}

@Resolver(() => SettlementLine)
export class SettlementResolver {
  constructor(private readonly settlement: SettlementService) {}

  @Guarded()
  @Query(() => [SettlementLine], { description: "An engineer's lines earned from..to (inclusive, China time), newest first." })
  settlementLines(
    @Arg('engineerId', () => ID) engineerId: string,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
  ): Promise<SettlementLine[]> {
    checkedPeriod(from, to);
    return this.settlement.linesEarned(engineerId, from, to);
  }

  @Guarded()
  @Query(() => SettlementBacklog, { description: 'Settlement awaiting payout: every line not yet paid, summed by whether it is due, held or unpriced.' })
  settlementAwaitingPayout(): Promise<SettlementBacklog> {
    return this.settlement.backlog();
  }

  @Guarded()
  @Query(() => [SettlementLine], { description: "The calling engineer's own jobs and clawbacks earned from..to (inclusive), newest first." })
  mySettlements(
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Ctx() { identity }: RequestContext,
  ): Promise<SettlementLine[]> {
    checkedPeriod(from, to);
    return this.settlement.linesEarned((identity as StaffIdentity).userId, from, to);
  }

  @FieldResolver(() => SettlementLineStatusEnum)
  status(@Root() line: SettlementLine): SettlementLineStatus {
    return statusOf(line);
  }

  @FieldResolver(() => [SettlementHold], { description: 'Complaints and disputes on this job, open or released.' })
  holds(@Root() line: SettlementLine, @Ctx() { loaders }: RequestContext): Promise<SettlementHold[]> {
    if (!line.workOrderId) return Promise.resolve([]);
    return groupLoader(
      loaders,
      HOLDS,
      (ids: readonly string[]) => this.settlement.holdsOn(ids),
      (hold) => hold.workOrderId,
    ).load(line.workOrderId);
  }
}
