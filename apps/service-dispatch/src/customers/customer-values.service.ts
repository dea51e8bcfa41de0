import { EntityManager } from 'typeorm';
import type { CustomerValueChangedPayload, EventEnvelope } from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';
import { CustomerValue } from '../read-models/customer-value.entity';

@Injectable()
export class CustomerValuesService {
  /** Events of one customer arrive in order (keyed by customer), so the latest simply wins. */
  async valueChanged({ payload }: EventEnvelope<string, CustomerValueChangedPayload>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerValue)
      .values({ customerId: payload.customerId, valueIndex: Math.round(payload.valueIndex), tier: payload.tier })
      .orUpdate(['value_index', 'tier', 'updated_at'], ['customer_id'])
      .execute();
  }
}
