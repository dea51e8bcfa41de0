import { EntityManager } from 'typeorm';
import type { CustomerCardPayload, OrderPlacedPayload } from '@aftercare/event-contracts';
import { onlyUuids } from '@aftercare/persistence';
import { Injectable, notFound } from '@aftercare/subgraph';
import { CustomerCard } from '../read-models/customer-card.entity';

/**
 * Which customers exist, learnt from sales' CustomerRegistered / CustomerProfileChanged. Every write is an
 * upsert of the whole card, so a redelivered event leaves the same row.
 */
@Injectable()
export class CustomerCardsService {
  async cardChanged(card: CustomerCardPayload, manager: EntityManager): Promise<void> {
    await manager.upsert(CustomerCard, { id: card.customerId, city: card.city }, ['id']);
  }

  /**
   * An order vouches for its customer too: the card and the order travel under different keys, so
   * OrderPlaced may arrive before CustomerRegistered; never overwrite what the card event said.
   */
  async orderPlaced(order: OrderPlacedPayload, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().insert().into(CustomerCard).values({ id: order.customer.customerId, city: order.customer.city }).orIgnore().execute();
  }

  /** A work order opened by hand must name a customer sales has announced: anything else is NOT_FOUND. */
  async requireKnown(manager: EntityManager, customerId: string): Promise<void> {
    const [id] = onlyUuids([customerId]);
    const known = id ? await manager.getRepository(CustomerCard).existsBy({ id }) : false;
    if (!known) throw notFound('Customer', customerId);
  }
}
