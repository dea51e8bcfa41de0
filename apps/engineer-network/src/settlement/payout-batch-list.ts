import { DataSource } from 'typeorm';
import { Args, ArgsType, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { CalendarDateScalar, Connection, ConnectionType, decodeCursor, Guarded, Injectable, PageArgs, toConnection } from '@aftercare/subgraph';
import { PayoutBatch } from './payout.entity';

@ObjectType()
export class PayoutBatchConnection extends ConnectionType(PayoutBatch) {}

@ArgsType()
export class PayoutBatchSearchArgs extends PageArgs {
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Batches whose period ends on or after this day.' })
  @IsOptional()
  from?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Batches whose period ends on or before this day.' })
  @IsOptional()
  to?: string | null;
}

@Injectable()
export class PayoutBatchListService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest run first: the last payout is what a supervisor checks. */
  async search(args: PayoutBatchSearchArgs): Promise<Connection<PayoutBatch>> {
    const query = this.dataSource
      .getRepository(PayoutBatch)
      .createQueryBuilder('batch')
      .orderBy('batch.paidAt', 'DESC')
      .addOrderBy('batch.id', 'DESC')
      .take(args.first + 1);
    if (args.from) query.andWhere('batch.periodEnd >= :from', { from: args.from });
    if (args.to) query.andWhere('batch.periodEnd <= :to', { to: args.to });
    if (args.after) query.andWhere('(batch.paidAt, batch.id) < (:createdAt, :id)', decodeCursor(args.after));
    // A batch is keyed by when it was paid (the shared cursor calls that instant createdAt).
    const page = toConnection(
      (await query.getMany()).map((batch) => ({ createdAt: batch.paidAt, id: batch.id, batch })),
      args.first,
    );
    return { edges: page.edges.map(({ cursor, node }) => ({ cursor, node: node.batch })), pageInfo: page.pageInfo };
  }
}

@Resolver(() => PayoutBatch)
export class PayoutBatchListResolver {
  constructor(private readonly batchList: PayoutBatchListService) {}

  @Guarded()
  @Query(() => PayoutBatchConnection, { description: 'Payout batches, newest first, optionally by the day their period ends (from..to, inclusive).' })
  payoutBatches(@Args(() => PayoutBatchSearchArgs) args: PayoutBatchSearchArgs): Promise<PayoutBatchConnection> {
    return this.batchList.search(args);
  }
}
