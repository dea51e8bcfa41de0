import { EntityManager } from 'typeorm';
import { CustomerCardPayload, CustomerProfileChanged, CustomerRegistered, EventEnvelope } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { Injectable } from '@aftercare/subgraph';
import { Customer } from './customer.entity';

function cardOf(customer: Customer): CustomerCardPayload {
  return {
    customerId: customer.id,
    name: customer.name,
    city: customer.city,
    region: customer.region,
    address: customer.address,
    ownerId: customer.ownerId,
    key: customer.key,
  };
}

/** CustomerRegistered for a new card, for a caller that records it with the events of the same transaction. */
export function registeredEvent(customer: Customer): EventEnvelope {
  return CustomerRegistered.create(customer.id, cardOf(customer));
}

/** Tells the other services about a card in the transaction that wrote it, so their read models never miss one. */
@Injectable()
export class CustomerCardEvents {
  constructor(private readonly outbox: Outbox) {}

  registered(manager: EntityManager, customer: Customer): Promise<void> {
    return this.outbox.record(manager, registeredEvent(customer));
  }

  changed(manager: EntityManager, customer: Customer): Promise<void> {
    return this.outbox.record(manager, CustomerProfileChanged.create(customer.id, cardOf(customer)));
  }
}
