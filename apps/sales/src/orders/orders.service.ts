import { DataSource, EntityManager } from 'typeorm';
import { OrderPlaced } from '@aftercare/event-contracts';
import type { Identity, PartnerIdentity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { asRowSecurityCaller, findByIds, findReferencing, isUniqueViolation } from '@aftercare/persistence';
import { badInput, Connection, decodeCursor, Injectable, notFound, toConnection } from '@aftercare/subgraph';
import { CustomersService } from '../customers/customers.service';
import { ValueIndexService } from '../value-index/value-index.service';
import { Order } from './order.entity';
import { PlaceOrderInput, SubmitInstallOrderInput } from './order.inputs';
import { assertPreferredDateBookable } from './preferred-date';
import { SALES_RUNTIME_ROLE } from './row-security';

/** The columns each field a resolver computes on an order reads (every other field is a column of its own). */
const ORDER_FIELD_READS = { customer: ['customerId'], partner: ['partnerId'], refunds: ['id'], refundedCents: ['id'] };

const ORDER_PARTNER_REF = 'uq_sales_order_partner_external_ref';

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly valueIndex: ValueIndexService,
    private readonly outbox: Outbox,
  ) {}

  /** An order staff take for a customer card through the company's own channels (e-commerce, store, phone, value-added). */
  async placeOrder(identity: Identity, input: PlaceOrderInput): Promise<Order> {
    if (input.channel === 'PARTNER') throw badInput('Partner orders come in through submitInstallOrder', 'channel');
    assertPreferredDateBookable(input.preferredDate);
    const customer = await this.customers.getVisible(identity, input.customerId);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Order);
      const order = await repository.save(
        repository.create({
          channel: input.channel,
          status: 'PLACED',
          partnerId: null,
          externalRef: null,
          submittedName: null,
          submittedPhone: null,
          productModel: input.productModel.trim(),
          customerId: customer.id,
          siteAddress: input.siteAddress?.trim() ?? customer.address,
          city: input.city?.trim() ?? customer.city,
          preferredDate: input.preferredDate ?? null,
        }),
      );
      await this.outbox.record(
        manager,
        OrderPlaced.create(order.id, {
          orderId: order.id,
          channel: order.channel,
          partnerId: null,
          partnerCode: null,
          externalRef: null,
          productModel: order.productModel,
          customer: { customerId: customer.id, name: customer.name, phone: customer.phone, city: order.city, address: order.siteAddress },
          preferredDate: order.preferredDate,
        }),
      );
      await this.valueIndex.recompute(manager, [customer.id]);
      return order;
    });
  }

  /**
   * Idempotent on the partner's reference: a resubmission (a retry after a timeout, a duplicate click)
   * returns the order that reference already names, and no second OrderPlaced is published.
   */
  async submitInstallOrder(partner: PartnerIdentity, input: SubmitInstallOrderInput): Promise<Order> {
    const externalRef = input.externalRef.trim();
    const { latitude, longitude } = input.customer;
    // A point needs both: one alone would be measured as somewhere else.
    if ((latitude == null) !== (longitude == null))
      throw badInput("Send the site's latitude and longitude together, or neither", latitude == null ? 'customer.latitude' : 'customer.longitude');
    try {
      // One transaction for the lookup and the intake: a partner's order costs one round of transaction control.
      return await this.asPartner(partner, async (manager) => {
        const existing = await manager.getRepository(Order).findOneBy({ partnerId: partner.partnerId, externalRef });
        // A resubmission returns the order already taken, whatever day it is now.
        if (existing) return existing;
        assertPreferredDateBookable(input.preferredDate);
        const { customer, events: customerEvents } = await this.customers.findOrCreate(manager, input.customer);
        const order = await manager.getRepository(Order).save(
          manager.getRepository(Order).create({
            channel: 'PARTNER',
            status: 'PLACED',
            partnerId: partner.partnerId,
            externalRef,
            productModel: input.productModel.trim(),
            customerId: customer.id,
            submittedName: input.customer.name.trim(),
            submittedPhone: input.customer.phone.trim(),
            siteAddress: input.customer.address.trim(),
            city: input.customer.city.trim(),
            preferredDate: input.preferredDate ?? null,
          }),
        );
        await this.outbox.record(
          manager,
          ...customerEvents,
          OrderPlaced.create(order.id, {
            orderId: order.id,
            channel: order.channel,
            partnerId: partner.partnerId,
            partnerCode: partner.partnerCode,
            externalRef,
            productModel: order.productModel,
            customer: {
              customerId: customer.id,
              name: customer.name,
              phone: customer.phone,
              city: order.city,
              address: order.siteAddress,
              // Passed on to dispatch, which keeps the site's distance; sales has no use for the point itself.
              ...(latitude != null && longitude != null ? { latitude, longitude } : {}),
            },
            preferredDate: order.preferredDate,
          }),
        );
        return order;
      });
    } catch (error) {
      // Two submissions of one reference raced; the loser returns the winner's order.
      if (isUniqueViolation(error, ORDER_PARTNER_REF)) {
        const winner = await this.findByPartnerRef(partner, externalRef);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** An order as the caller may see it: partners only their own; another partner's order does not exist for them. */
  async getVisible(identity: Identity, id: string): Promise<Order> {
    const [order] = await this.findVisibleByIds(identity, [id]);
    if (!order) throw notFound('Order', id);
    return order;
  }

  /** By id, for any path (`order(id)`, `_entities`): a partner's lookups run under the row policy as well as this filter. */
  async findVisibleByIds(identity: Identity, ids: readonly string[]): Promise<Order[]> {
    if (identity.kind !== 'partner') return this.findByIds(ids);
    const orders = await this.asPartner(identity, (manager) => findByIds(manager.getRepository(Order), ids));
    return orders.filter((order) => order.partnerId === identity.partnerId);
  }

  async partnerOrders(partner: PartnerIdentity, first: number, after?: string | null): Promise<Connection<Order>> {
    return this.asPartner(partner, (manager) => this.partnerOrderPage(manager, partner, first, after));
  }

  private async partnerOrderPage(manager: EntityManager, partner: PartnerIdentity, first: number, after?: string | null): Promise<Connection<Order>> {
    const query = manager
      .getRepository(Order)
      .createQueryBuilder('o')
      .where('o.partnerId = :partnerId', { partnerId: partner.partnerId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(first + 1);
    if (after) {
      const position = decodeCursor(after);
      query.andWhere('(o.createdAt, o.id) < (:createdAt, :id)', position);
    }
    return toConnection(await query.getMany(), first);
  }

  findByIds(ids: readonly string[]): Promise<Order[]> {
    return findByIds(this.dataSource.getRepository(Order), ids);
  }

  /** Newest first; given the fields asked of each order, only the columns they (and the partner rule) read. */
  findByCustomerIds(customerIds: readonly string[], fields?: Iterable<string>): Promise<Order[]> {
    return findReferencing(
      this.dataSource.getRepository(Order),
      'customerId',
      customerIds,
      { createdAt: 'DESC' },
      fields && { fields, always: ['partnerId'], readBy: ORDER_FIELD_READS },
    );
  }

  private findByPartnerRef(partner: PartnerIdentity, externalRef: string): Promise<Order | null> {
    return this.asPartner(partner, (manager) => manager.getRepository(Order).findOneBy({ partnerId: partner.partnerId, externalRef }));
  }

  /**
   * Partner work runs as the runtime role with the partner as tenant (PostgreSQL row-level security on
   * sales_order): a query that forgot its partner filter still sees only that partner's orders.
   */
  private asPartner<T>(partner: PartnerIdentity, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return asRowSecurityCaller(this.dataSource, SALES_RUNTIME_ROLE, { kind: 'partner', partnerId: partner.partnerId }, work);
  }
}
