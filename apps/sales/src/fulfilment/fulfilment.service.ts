import { DataSource, EntityManager } from 'typeorm';
import { ReplacementOrderedPayload, SelfInstallRefundApprovedPayload } from '@aftercare/event-contracts';
import { findReferencing } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { Order, OrderStatus } from '../orders/order.entity';
import { ADVANCES_FROM } from './order-progress';
import { OrderRefund } from './order-refund.entity';

/** Keeps orders in step with their work orders in service-dispatch and refunds from engineer-network. */
@Injectable()
export class FulfilmentService {
  constructor(private readonly dataSource: DataSource) {}

  async advance(manager: EntityManager, orderId: string | null, status: Exclude<OrderStatus, 'PLACED'>): Promise<void> {
    if (!orderId) return;
    await manager
      .createQueryBuilder()
      .update(Order)
      .set({ status })
      .where('id = :orderId AND status = ANY(:from)', { orderId, from: ADVANCES_FROM[status] })
      .execute();
  }

  /**
   * Consumables sold by value-added become a VALUE_ADDED order under the same id, once however often the
   * event comes. Value-added's customers all come from our cards; an unknown one is left out rather than
   * blocking the stream.
   */
  async recordValueAddedOrder(ordered: ReplacementOrderedPayload, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO sales_order (id, channel, customer_id, product_model, site_address, city, preferred_date)
       SELECT $1, 'VALUE_ADDED', c.id, $3, $4, $5, $6 FROM customer c WHERE c.id = $2
       ON CONFLICT (id) DO NOTHING`,
      [ordered.replacementOrderId, ordered.customerId, ordered.productModel, ordered.address, ordered.city, ordered.preferredDate],
    );
  }

  async recordRefund(refund: SelfInstallRefundApprovedPayload, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrderRefund)
      .values({
        id: refund.refundId,
        orderId: refund.orderId,
        workOrderId: refund.workOrderId,
        amountCents: refund.amountCents,
        approvedAt: new Date(refund.approvedAt),
      })
      .orIgnore()
      .execute();
  }

  refundsOf(orderIds: readonly string[]): Promise<OrderRefund[]> {
    return findReferencing(this.dataSource.getRepository(OrderRefund), 'orderId', orderIds, { approvedAt: 'ASC' });
  }
}
