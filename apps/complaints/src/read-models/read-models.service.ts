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
import { OrderFact } from './order-fact.entity';
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

  /** An order also vouches for its customer: orders placed before sales announced cards still resolve. */
  async orderPlaced(order: OrderPlacedPayload, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerCard)
      .values({ id: order.customer.customerId, name: order.customer.name, city: order.customer.city })
      .orIgnore()
      .execute();
    await manager.upsert(
      OrderFact,
      {
        id: order.orderId,
        customerId: order.customer.customerId,
        channel: order.channel,
        brand: order.partnerCode,
        productModel: order.productModel,
      },
      ['id'],
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
