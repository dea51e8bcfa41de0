import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { alignByKey, Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { ChurnRecord } from './churn-record.entity';
import { ChurnReport, ChurnReportArgs, RecordChurnInput } from './churn.inputs';
import { ChurnService } from './churn.service';

@Resolver(() => Customer)
export class ChurnResolver {
  constructor(private readonly churnRecords: ChurnService) {}

  @Guarded()
  @Mutation(() => ChurnRecord, { description: 'Records a lost customer; the attribution is decided from quality and maintenance data.' })
  recordChurn(@Arg('input', () => RecordChurnInput) input: RecordChurnInput, @Ctx() { identity }: RequestContext): Promise<ChurnRecord> {
    return this.churnRecords.record(identity, input);
  }

  @Guarded()
  @Query(() => ChurnReport, { description: 'Customers lost in a period: service, sales, price or uncontrollable, with the evidence.' })
  churnReport(@Args(() => ChurnReportArgs) args: ChurnReportArgs): Promise<ChurnReport> {
    return this.churnRecords.report(args);
  }

  @Guarded()
  @FieldResolver(() => ChurnRecord, { nullable: true, description: 'Set when the customer has been lost.' })
  churn(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<ChurnRecord | null> {
    return context.loaders
      .get<string, ChurnRecord | null>(ChurnRecord, async (ids) => alignByKey(ids, await this.churnRecords.findByCustomerIds(ids), (row) => row.customerId))
      .load(customer.id);
  }
}
