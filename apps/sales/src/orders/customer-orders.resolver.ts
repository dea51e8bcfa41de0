import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { Order } from './order.entity';
import { OrdersService } from './orders.service';

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  constructor(private readonly ordersService: OrdersService) {}

  // Sales-side, like every CRM field of the card: an engineer who opens a card for a visit does not see its orders.
  @Guarded()
  @FieldResolver(() => [Order], { description: "The customer's orders from every channel, newest first." })
  async orders(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Order[]> {
    const { identity } = context;
    const orders = await groupLoader(
      context.loaders,
      'ordersByCustomer',
      (ids: readonly string[]) => this.ordersService.findByCustomerIds(ids),
      (row: Order) => row.customerId,
    ).load(customer.id);
    // A partner reaching a shared customer sees only the orders it placed itself.
    return identity.kind === 'partner' ? orders.filter((order) => order.partnerId === identity.partnerId) : orders;
  }
}
