import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnerIdentity } from '@aftercare/identity';
import { byIdLoader, Guarded, notFound, PageArgs, RequestContext } from '@aftercare/subgraph';
import { inScope } from '../customers/customer-access';
import { partnerView } from '../customers/partner-view';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { Partner } from '../partners/partner.entity';
import { PartnersService } from '../partners/partners.service';
import { Order } from './order.entity';
import { OrderConnection, PlaceOrderInput, SubmitInstallOrderInput } from './order.inputs';
import { OrdersService } from './orders.service';

@Resolver(() => Order)
export class OrderResolver {
  constructor(
    private readonly orders: OrdersService,
    private readonly customers: CustomersService,
    private readonly partners: PartnersService,
  ) {}

  @Guarded()
  @Mutation(() => Order, { description: 'A partner brand submits an installation order; idempotent on externalRef.' })
  submitInstallOrder(@Arg('input', () => SubmitInstallOrderInput) input: SubmitInstallOrderInput, @Ctx() { identity }: RequestContext): Promise<Order> {
    return this.orders.submitInstallOrder(identity as PartnerIdentity, input);
  }

  @Guarded()
  @Mutation(() => Order, { description: 'Takes an order from e-commerce, a store, the phone or value-added for a customer card.' })
  placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() { identity }: RequestContext): Promise<Order> {
    return this.orders.placeOrder(identity, input);
  }

  @Guarded()
  @Query(() => Order, { description: 'One order; partners only find their own.' })
  order(@Arg('id', () => ID) id: string, @Ctx() { identity }: RequestContext): Promise<Order> {
    return this.orders.getVisible(identity, id);
  }

  @Guarded()
  @Query(() => OrderConnection, { description: "The calling partner's orders, newest first." })
  myOrders(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() { identity }: RequestContext): Promise<OrderConnection> {
    return this.orders.partnerOrders(identity as PartnerIdentity, first, after);
  }

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => Customer)
  async customer(@Root() order: Order, @Ctx() context: RequestContext): Promise<Customer | null> {
    if (context.identity.kind === 'partner') return partnerView(order);
    const customer = await byIdLoader(context, Customer, (ids) => this.customers.findByIds(ids)).load(order.customerId);
    if (!customer || !inScope(await this.customers.readableScope(context.identity), customer)) throw notFound('Customer', order.customerId);
    return customer;
  }

  // Any signed-in caller who reaches the parent (AUTHENTICATED in the access table).
  @Guarded()
  @FieldResolver(() => Partner, { nullable: true })
  async partner(@Root() order: Order, @Ctx() context: RequestContext): Promise<Partner | null> {
    if (!order.partnerId) return null;
    return byIdLoader(context, Partner, (ids) => this.partners.findByIds(ids)).load(order.partnerId);
  }
}
