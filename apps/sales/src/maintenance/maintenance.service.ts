import { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '@aftercare/identity';
import { findReferencing, onlyUuids } from '@aftercare/persistence';
import { badInput, Injectable } from '@aftercare/subgraph';
import { staffId } from '../customers/customer-access';
import { CustomersService } from '../customers/customers.service';
import { ValueIndexService } from '../value-index/value-index.service';
import { MaintenanceContact } from './maintenance-contact.entity';
import { LogContactInput, MaintenanceSummary } from './maintenance.inputs';

/** Last contact and frequency of a batch of customers as of a moment (now, or the day they were lost). */
const SUMMARIES = `
  SELECT customer_id AS "customerId", max(contacted_at) AS "lastContactAt",
         count(*) FILTER (WHERE contacted_at > $2::timestamptz - interval '90 days')::int AS "contactsLast90Days",
         count(*) FILTER (WHERE contacted_at > $2::timestamptz - interval '90 days' AND kind = 'VISIT')::int AS "visitsLast90Days"
  FROM maintenance_contact
  WHERE customer_id = ANY($1) AND contacted_at <= $2::timestamptz
  GROUP BY customer_id`;

@Injectable()
export class MaintenanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly valueIndex: ValueIndexService,
  ) {}

  async log(identity: Identity, input: LogContactInput): Promise<MaintenanceContact> {
    const customer = await this.customers.getVisible(identity, input.customerId);
    const contactedAt = input.contactedAt ?? new Date();
    if (contactedAt.getTime() > Date.now()) throw badInput('A contact cannot be logged before it happens', 'contactedAt');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(MaintenanceContact);
      const contact = await repository.save(
        repository.create({
          customerId: customer.id,
          loggedBy: staffId(identity),
          kind: input.kind,
          initiatedBy: input.initiatedBy,
          contactedAt,
          place: input.place?.trim() || null,
          notes: input.notes.trim(),
        }),
      );
      if (contact.initiatedBy === 'CUSTOMER') await this.valueIndex.recompute(manager, [customer.id]);
      return contact;
    });
  }

  contactsOf(customerIds: readonly string[]): Promise<MaintenanceContact[]> {
    return findReferencing(this.dataSource.getRepository(MaintenanceContact), 'customerId', customerIds, { contactedAt: 'DESC' });
  }

  /** One summary per requested id, in the same order; a customer never contacted gets zeros. */
  async summaries(customerIds: readonly string[], asOf = new Date(), manager: EntityManager = this.dataSource.manager): Promise<MaintenanceSummary[]> {
    const rows: Omit<MaintenanceSummary, 'contactsPerMonth'>[] = await manager.query(SUMMARIES, [onlyUuids(customerIds), asOf.toISOString()]);
    const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
    return customerIds.map((customerId) => {
      const row = byCustomer.get(customerId) ?? { customerId, lastContactAt: null, contactsLast90Days: 0, visitsLast90Days: 0 };
      return Object.assign(new MaintenanceSummary(), row, { contactsPerMonth: Math.floor(row.contactsLast90Days / 3) });
    });
  }
}
