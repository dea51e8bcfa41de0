import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { groupLoader, RequestContext } from '@aftercare/subgraph';
import { Order } from '../orders/order.entity';
import { FulfilmentService } from './fulfilment.service';
import { OrderRefund } from './order-refund.entity';

@Resolver(() => Order)
export class OrderRefundsResolver {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @FieldResolver(() => [OrderRefund], { description: 'Refunds recorded on the order (e.g. the install fee on self-installation).' })
  refunds(@Root() order: Order, @Ctx() context: RequestContext): Promise<OrderRefund[]> {
    return this.loader(context).load(order.id);
  }

  @FieldResolver(() => Int, { description: 'Sum of the refunds, fen.' })
  async refundedCents(@Root() order: Order, @Ctx() context: RequestContext): Promise<number> {
    const refunds = await this.loader(context).load(order.id);
    return refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  }

  private loader(context: RequestContext) {
    return groupLoader(
      context.loaders,
      OrderRefund,
      (ids: readonly string[]) => this.fulfilment.refundsOf(ids),
      (row: OrderRefund) => row.orderId,
    );
  }
}
