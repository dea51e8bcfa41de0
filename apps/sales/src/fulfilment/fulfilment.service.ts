import { DataSource, EntityManager } from 'typeorm';
import { SelfInstallRefundApprovedPayload } from '@aftercare/event-contracts';
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

  async recordRefund(manager: EntityManager, refund: SelfInstallRefundApprovedPayload): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrderRefund)
      .values({ id: refund.refundId, orderId: refund.orderId, workOrderId: refund.workOrderId, amountCents: refund.amountCents, approvedAt: new Date(refund.approvedAt) })
      .orIgnore()
      .execute();
  }

  refundsOf(orderIds: readonly string[]): Promise<OrderRefund[]> {
    return findReferencing(this.dataSource.getRepository(OrderRefund), 'orderId', orderIds, { approvedAt: 'ASC' });
  }
}
