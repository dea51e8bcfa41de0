import { EntityManager } from 'typeorm';
import type { ComplaintFiledPayload, ComplaintResolvedPayload, CustomerCardPayload, CustomerValueChangedPayload } from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';

/** Value index at or above which a customer is a sales-tier call, not a plain reminder. */
export const HIGH_VALUE_INDEX = 75;

/** Keeps what value-added knows of customers in step with sales' and complaints' events. */
@Injectable()
export class CustomersService {
  /** The card as sales now has it. A changed card may carry a corrected phone: a wrong number is tried again. */
  async recordCard(card: CustomerCardPayload, manager: EntityManager, changed: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO customer_card (customer_id, name, city, address) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city, address = EXCLUDED.address,
         wrong_number_since = CASE WHEN $5 THEN NULL ELSE customer_card.wrong_number_since END, updated_at = now()`,
      [card.customerId, card.name, card.city, card.address, changed],
    );
  }

  async recordValue(value: CustomerValueChangedPayload, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO customer_card (customer_id, value_index, value_tier) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET value_index = EXCLUDED.value_index, value_tier = EXCLUDED.value_tier, updated_at = now()`,
      [value.customerId, value.valueIndex, value.tier],
    );
  }

  async complaintFiled(complaint: ComplaintFiledPayload, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO open_complaint (complaint_id, customer_id, filed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      complaint.complaintId,
      complaint.customerId,
      complaint.receivedAt,
    ]);
  }

  async complaintResolved(complaint: ComplaintResolvedPayload, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM open_complaint WHERE complaint_id = $1`, [complaint.complaintId]);
  }

  /** Marks what a call taught us about the customer (creating their row if sales' card has not arrived yet). */
  async mark(manager: EntityManager, customerId: string, mark: 'INTERESTED' | 'NOT_INTERESTED' | 'DO_NOT_CALL' | 'WRONG_NUMBER'): Promise<void> {
    const set = {
      INTERESTED: 'interested_since = now()',
      NOT_INTERESTED: 'interested_since = NULL',
      DO_NOT_CALL: 'do_not_call_since = COALESCE(do_not_call_since, now()), interested_since = NULL',
      WRONG_NUMBER: 'wrong_number_since = now()',
    }[mark];
    await manager.query(`INSERT INTO customer_card (customer_id) VALUES ($1) ON CONFLICT DO NOTHING`, [customerId]);
    await manager.query(`UPDATE customer_card SET ${set}, updated_at = now() WHERE customer_id = $1`, [customerId]);
  }
}
