import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StaffIdentity } from '@aftercare/identity';
import { CalendarDateScalar, groupLoader, Guarded, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { Engineer } from '../engineers/engineer.entity';
import { EngineersService } from '../engineers/engineers.service';
import { Payout, PayoutBatch } from './payout.entity';
import { PayoutsService } from './payouts.service';
import { SettlementLine } from './settlement-line.entity';
import { SettlementService } from './settlement.service';

const PAYOUTS = Symbol('payoutsByBatch');
const LINES = Symbol('linesByPayout');

@Resolver(() => PayoutBatch)
export class PayoutBatchResolver {
  constructor(private readonly payoutService: PayoutsService) {}

  @Guarded()
  @Mutation(() => PayoutBatch, { description: 'Pays everything due up to periodEnd; PAYOUT_BATCH_EXISTS if that period has run.' })
  runPayoutBatch(@Arg('periodEnd', () => CalendarDateScalar) periodEnd: string): Promise<PayoutBatch> {
    return this.payoutService.runBatch(periodEnd);
  }

  @Guarded()
  @Query(() => PayoutBatch)
  payoutBatch(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<PayoutBatch> {
    return loadOrNotFound(context, PayoutBatch, 'PayoutBatch', id, (ids) => this.payoutService.findBatches(ids));
  }

  @FieldResolver(() => [Payout], { description: 'One per engineer paid, largest first.' })
  payouts(@Root() batch: PayoutBatch, @Ctx() { loaders }: RequestContext): Promise<Payout[]> {
    const byBatch = groupLoader(
      loaders,
      PAYOUTS,
      (ids: readonly string[]) => this.payoutService.payoutsOfBatches(ids),
      (payout) => payout.batchId,
    );
    return byBatch.load(batch.id);
  }
}

@Resolver(() => Payout)
export class PayoutResolver {
  constructor(
    private readonly settlement: SettlementService,
    private readonly payouts: PayoutsService,
    private readonly engineers: EngineersService,
  ) {}

  @Guarded()
  @Query(() => [Payout], { description: "The calling engineer's payouts." })
  myPayouts(@Ctx() { identity }: RequestContext): Promise<Payout[]> {
    return this.payouts.payoutsOfEngineers([(identity as StaffIdentity).userId]);
  }

  @FieldResolver(() => [SettlementLine])
  lines(@Root() payout: Payout, @Ctx() { loaders }: RequestContext): Promise<SettlementLine[]> {
    const byPayout = groupLoader(
      loaders,
      LINES,
      (ids: readonly string[]) => this.settlement.linesOfPayouts(ids),
      (line) => line.payoutId as string,
    );
    return byPayout.load(payout.id);
  }

  @FieldResolver(() => Engineer)
  engineer(@Root() payout: Payout, @Ctx() context: RequestContext): Promise<Engineer> {
    return loadOrNotFound(context, Engineer, 'Engineer', payout.engineerId, (ids) => this.engineers.findByIds(ids));
  }

  @FieldResolver(() => PayoutBatch)
  batch(@Root() payout: Payout, @Ctx() context: RequestContext): Promise<PayoutBatch> {
    return loadOrNotFound(context, PayoutBatch, 'PayoutBatch', payout.batchId, (ids) => this.payouts.findBatches(ids));
  }
}
