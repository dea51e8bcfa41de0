import { Arg, Query, Resolver } from 'type-graphql';
import { CalendarDateScalar, Guarded } from '@aftercare/subgraph';
import { RefundsService } from './refunds.service';
import { SelfInstallRefund } from './self-install-refund.entity';

@Resolver(() => SelfInstallRefund)
export class RefundResolver {
  constructor(private readonly refunds: RefundsService) {}

  @Guarded()
  @Query(() => [SelfInstallRefund], { description: 'Refunds approved from..to (inclusive, China time), newest first.' })
  selfInstallRefunds(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<SelfInstallRefund[]> {
    return this.refunds.approvedBetween(from, to);
  }
}
