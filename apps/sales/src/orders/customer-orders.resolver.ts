import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Guarded, narrowedGroupLoader, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { Order } from './order.entity';
import { OrdersService } from './orders.service';

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  constructor(private readonly ordersService: OrdersService) {}

  // Sales-side, like every CRM field of the card: an engineer who opens a card for a visit does not see its orders.
  @Guarded()
  @FieldResolver(() => [Order], { description: "The customer's orders from every channel, newest first." })
  async orders(@Root() customer: Customer, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Order[]> {
    const { identity } = context;
    // Only the columns the asked fields read, in a loader of their own per set of fields.
    const orders = await narrowedGroupLoader(
      context.loaders,
      'ordersByCustomer',
      info,
      (ids: readonly string[], fields) => this.ordersService.findByCustomerIds(ids, fields),
      (row: Order) => row.customerId,
    ).load(customer.id);
    // A partner reaching a shared customer sees only the orders it placed itself.
    return identity.kind === 'partner' ? orders.filter((order) => order.partnerId === identity.partnerId) : orders;
  }
}
