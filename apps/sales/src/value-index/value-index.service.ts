import { DataSource, EntityManager } from 'typeorm';
import { CustomerValueChanged } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { lockUntilCommit, onlyUuids } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { CustomerValueChange } from './customer-value-change.entity';
import { CustomerValue } from './customer-value.entity';
import { ValueFact, ValueFactKind } from '../read-models/value-fact.entity';
import { scoreValue, ValueInputs } from './value-formula';

export interface NewValueFact {
  customerId: string;
  kind: ValueFactKind;
  subjectId: string;
  amountCents?: number;
  score?: number;
  occurredAt: string;
}

/** Everything the index needs, for a whole batch of customers, in one statement. */
const VALUE_INPUTS = `
  SELECT c.id AS "customerId", c.scale, c.influence,
         COALESCE(k.annual, 0) + f.spent AS "annualValueCents",
         f.completed AS "completedJobs", f.refused AS "paymentsRefused", f.paid_verified AS "paidAndVerifiedJobs",
         GREATEST(0, o.orders + f.replacements + COALESCE(k.active, 0) - 1) AS "repeatPurchases",
         m.proactive AS "proactiveContacts", r.referrals,
         f.evaluations AS "evaluationCount", f.evaluation_sum AS "evaluationScoreSum",
         f.complaints,
         CASE WHEN v.quality_doubtful THEN NULL ELSE v.quality_factor END AS "qualityFactor",
         v.value_index AS "previousValueIndex"
  FROM customer c
  LEFT JOIN customer_value v ON v.customer_id = c.id
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS active, (sum(monthly_price_cents) * 12)::int AS annual
    FROM contract WHERE customer_id = c.id AND status = 'ACTIVE'
  ) k ON TRUE
  CROSS JOIN LATERAL (SELECT count(*)::int AS orders FROM sales_order WHERE customer_id = c.id) o
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS proactive FROM maintenance_contact
    WHERE customer_id = c.id AND initiated_by = 'CUSTOMER' AND contacted_at > now() - interval '365 days'
  ) m
  CROSS JOIN LATERAL (SELECT count(*)::int AS referrals FROM customer WHERE referred_by_id = c.id) r
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE kind = 'COMPLAINT')::int AS complaints,
           count(*) FILTER (WHERE kind = 'JOB_COMPLETED')::int AS completed,
           count(*) FILTER (WHERE kind = 'JOB_COMPLETED' AND score = 1)::int AS refused,
           count(*) FILTER (
             WHERE kind = 'JOB_COMPLETED' AND score = 0
               AND EXISTS (SELECT 1 FROM customer_value_fact v WHERE v.kind = 'JOB_VERIFIED' AND v.subject_id = customer_value_fact.subject_id)
           )::int AS paid_verified,
           count(*) FILTER (WHERE kind = 'REPLACEMENT')::int AS replacements,
           count(*) FILTER (WHERE kind = 'EVALUATION')::int AS evaluations,
           COALESCE(sum(score) FILTER (WHERE kind = 'EVALUATION'), 0)::int AS evaluation_sum,
           COALESCE(sum(amount_cents) FILTER (WHERE kind IN ('REPLACEMENT', 'JOB_COMPLETED')), 0)::int AS spent
    FROM customer_value_fact WHERE customer_id = c.id
  ) f
  WHERE c.id = ANY($1)`;

@Injectable()
export class ValueIndexService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Records a fact once (a republished event changes nothing) and recomputes the customer's index. */
  async recordFact(manager: EntityManager, fact: NewValueFact): Promise<void> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ValueFact)
      .values({ ...fact, occurredAt: new Date(fact.occurredAt) })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length > 0) await this.recompute(manager, [fact.customerId]);
  }

  async recordQuality(manager: EntityManager, customerId: string, qualityFactor: number, doubtful: boolean): Promise<void> {
    await manager.upsert(CustomerValue, { customerId, qualityFactor, qualityDoubtful: doubtful }, ['customerId']);
    await this.recompute(manager, [customerId]);
  }

  /**
   * Recomputes the index of these customers (unknown ids are skipped) and announces those whose index
   * moved, so dispatch's priorities follow; an unchanged index publishes nothing.
   */
  async recompute(manager: EntityManager, customerIds: readonly string[]): Promise<void> {
    // Facts about one customer arrive from many aggregates (each work order its own partition, several instances):
    // two recomputes must not each read the facts without the other's and write last. The lock (in id order, so
    // two recomputes of overlapping customers never wait on each other crosswise) lasts until commit, and the
    // read below, a new snapshot, sees every fact committed before it.
    // It is the only lock taken here, and it comes last: callers have already written the change that feeds the
    // index (an order, which key-share locks its customer row; the card itself), so locking the customer row
    // after it — as this read once did with FOR UPDATE — waited on a caller holding the row while that caller
    // waited on this lock: a deadlock (40P01) between two orders of one customer.
    await lockUntilCommit(manager, 'sales:customer-value', onlyUuids(customerIds));
    const rows: (ValueInputs & { customerId: string; previousValueIndex: number | null })[] = await manager.query(VALUE_INPUTS, [onlyUuids(customerIds)]);
    if (rows.length === 0) return;
    const scored = rows.map((row) => ({ row, ...scoreValue(row) }));
    await manager.upsert(
      CustomerValue,
      scored.map(({ row, valueIndex, tier, breakdown }) => ({ customerId: row.customerId, valueIndex, tier, breakdown })),
      ['customerId'],
    );
    const changed = scored.filter(({ row, valueIndex }) => row.previousValueIndex !== valueIndex);
    if (changed.length > 0) {
      await manager.insert(
        CustomerValueChange,
        changed.map(({ row, valueIndex, tier }) => ({ customerId: row.customerId, valueIndex, tier, previousValueIndex: row.previousValueIndex })),
      );
    }
    await this.outbox.record(
      manager,
      ...changed.map(({ row, valueIndex, tier }) =>
        CustomerValueChanged.create(row.customerId, { customerId: row.customerId, valueIndex, tier, previousValueIndex: row.previousValueIndex }),
      ),
    );
  }

  /** The index moves of these customers, oldest first (the order a chart draws them in). */
  historiesOf(customerIds: readonly string[]): Promise<CustomerValueChange[]> {
    return this.dataSource
      .getRepository(CustomerValueChange)
      .createQueryBuilder('change')
      .where('change.customerId = ANY(:ids)', { ids: onlyUuids(customerIds) })
      .orderBy('change.changedAt', 'ASC')
      .addOrderBy('change.id', 'ASC')
      .getMany();
  }

  findByCustomerIds(customerIds: readonly string[]): Promise<CustomerValue[]> {
    return this.dataSource
      .getRepository(CustomerValue)
      .createQueryBuilder('v')
      .where('v.customerId = ANY(:ids)', { ids: onlyUuids(customerIds) })
      .getMany();
  }
}
