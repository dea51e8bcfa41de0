import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, OrderPlacedPayload, WorkOrderCreated } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { WorkOrder } from './work-order.entity';

@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Every placed order that needs installing becomes an INSTALL work order, announced in the same transaction. */
  async createInstallFor(placed: EventEnvelope<'OrderPlaced', OrderPlacedPayload>, manager: EntityManager): Promise<void> {
    const { payload } = placed;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(WorkOrder)
      .values({
        type: 'INSTALL',
        status: 'CREATED',
        orderId: payload.orderId,
        partnerId: payload.partnerId,
        customerId: payload.customer.customerId,
        city: payload.customer.city,
        siteAddress: payload.customer.address,
        productModel: payload.productModel,
        preferredDate: payload.preferredDate,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [created] = inserted.raw as { id: string }[];
    if (!created) return;
    await this.outbox.record(
      manager,
      WorkOrderCreated.create(created.id, {
        workOrderId: created.id,
        type: 'INSTALL',
        orderId: payload.orderId,
        customerId: payload.customer.customerId,
        city: payload.customer.city,
        productModel: payload.productModel,
        preferredDate: payload.preferredDate,
      }),
    );
  }

  findByIds(ids: readonly string[]): Promise<WorkOrder[]> {
    return findByIds(this.dataSource.getRepository(WorkOrder), ids);
  }

  findByOrderIds(orderIds: readonly string[]): Promise<WorkOrder[]> {
    return findReferencing(this.dataSource.getRepository(WorkOrder), 'orderId', orderIds, { createdAt: 'ASC' });
  }
}
