import { EntityManager } from 'typeorm';
import type {
  ContractDisputedPayload,
  ContractSignedPayload,
  CustomerCardPayload,
  OrderPlacedPayload,
  WorkOrderAssignedPayload,
  WorkOrderCompletedPayload,
  WorkOrderCreatedPayload,
} from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';
import { ContractFact } from './contract-fact.entity';
import { CustomerCard } from './customer-card.entity';
import { WorkOrderFact } from './work-order-fact.entity';

/**
 * Keeps what complaints must know of other services' records — that a customer, order or work order
 * exists, and its brand, model and engineer — from their events. Every write is an upsert, so a
 * redelivered or out-of-order event leaves the same row.
 */
@Injectable()
export class ReadModelsService {
  async customerCard(card: CustomerCardPayload, manager: EntityManager): Promise<void> {
    await manager.upsert(CustomerCard, { id: card.customerId, name: card.name, city: card.city }, ['id']);
  }

  /**
   * An order also vouches for its customer: orders placed before sales announced cards still resolve. The card (if
   * new) and the order are written by one statement, as this runs once for every order placed.
   */
  async orderPlaced(order: OrderPlacedPayload, manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH card AS (INSERT INTO customer_card (id, name, city) VALUES ($2, $3, $4) ON CONFLICT DO NOTHING)
       INSERT INTO order_fact (id, customer_id, channel, brand, product_model) VALUES ($1, $2, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, channel = EXCLUDED.channel, brand = EXCLUDED.brand,
         product_model = EXCLUDED.product_model`,
      [order.orderId, order.customer.customerId, order.customer.name, order.customer.city, order.channel, order.partnerCode, order.productModel],
    );
  }

  /** A signed contract may be disputed; a contract sales reports in dispute exists too. */
  async contract(contract: ContractSignedPayload | ContractDisputedPayload, manager: EntityManager): Promise<void> {
    await manager.upsert(ContractFact, { id: contract.contractId, customerId: contract.customerId }, ['id']);
  }

  async workOrderCreated(workOrder: WorkOrderCreatedPayload, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WorkOrderFact)
      .values({
        id: workOrder.workOrderId,
        type: workOrder.type,
        customerId: workOrder.customerId,
        orderId: workOrder.orderId,
        productModel: workOrder.productModel,
      })
      .orIgnore()
      .execute();
  }

  /** Assigned and Completed repeat the work order's facts; the latest engineer is the one who did the job. */
  async workOrderEngineer(workOrder: WorkOrderAssignedPayload | WorkOrderCompletedPayload, manager: EntityManager): Promise<void> {
    const completedAt = 'completedAt' in workOrder ? new Date(workOrder.completedAt) : null;
    await manager
      .createQueryBuilder()
      .insert()
      .into(WorkOrderFact)
      .values({
        id: workOrder.workOrderId,
        type: workOrder.type,
        customerId: workOrder.customerId,
        orderId: workOrder.orderId,
        brand: workOrder.brand,
        productModel: workOrder.productModel,
        engineerId: workOrder.engineerId,
        completedAt,
      })
      .orUpdate(['brand', 'product_model', 'engineer_id', ...(completedAt ? ['completed_at'] : [])], ['id'])
      .execute();
  }
}
