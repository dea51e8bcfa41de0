import { Between, DataSource, EntityManager } from 'typeorm';
import { isFutureChinaDay, startOfChinaDay } from '@aftercare/business-time';
import { ChurnAttributions, CustomerChurned } from '@aftercare/event-contracts';
import type { Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { onlyUuids, rejectingDuplicates } from '@aftercare/persistence';
import { SalesErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, Injectable } from '@aftercare/subgraph';
import { staffId } from '../customers/customer-access';
import { CustomersService } from '../customers/customers.service';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { attribute } from './attribution';
import { isControllable } from './churn-reason';
import { ChurnEvidence, ChurnRecord } from './churn-record.entity';
import { ChurnReport, ChurnReportArgs, RecordChurnInput } from './churn.inputs';

/** The quality data (from dispatch and complaints, held in the value read model) as it stood when the customer left. */
const SERVICE_FACTS = `
  SELECT (SELECT CASE WHEN quality_doubtful THEN NULL ELSE quality_factor END FROM customer_value WHERE customer_id = $1) AS "qualityFactor",
         (SELECT count(*)::int FROM customer_value_fact WHERE customer_id = $1 AND kind = 'COMPLAINT' AND occurred_at < $2::timestamptz) AS complaints`;

/** The evidence is taken as the churn day stood at its end, China time (the business's calendar). */
const endOfDay = (date: string) => new Date(startOfChinaDay(date).getTime() + 86_400_000 - 1);

@Injectable()
export class ChurnService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly maintenance: MaintenanceService,
    private readonly outbox: Outbox,
  ) {}

  async record(identity: Identity, input: RecordChurnInput): Promise<ChurnRecord> {
    const customer = await this.customers.getVisible(identity, input.customerId);
    const asOf = endOfDay(input.churnedOn);
    // China time: from China's midnight to 08:00 the day is already today there while UTC is still on yesterday.
    if (isFutureChinaDay(input.churnedOn)) throw badInput('A customer cannot be lost in the future', 'churnedOn');
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const evidence = await this.evidence(manager, customer.id, input.reason, asOf);
          const repository = manager.getRepository(ChurnRecord);
          const record = repository.create({
            customerId: customer.id,
            reason: input.reason,
            controllable: isControllable(input.reason),
            churnedOn: input.churnedOn,
            notes: input.notes.trim(),
            attribution: evidence.attribution,
            evidence: evidence.evidence,
            recordedBy: staffId(identity),
          });
          // insert, not save: save would quietly overwrite the record of a customer already lost.
          await manager.insert(ChurnRecord, record);
          const saved = await repository.findOneByOrFail({ customerId: customer.id });
          await this.publish(manager, saved);
          return saved;
        }),
      {
        error: () =>
          new DomainError(SalesErrorCodes.CUSTOMER_ALREADY_CHURNED, `Customer ${customer.id} is already recorded as lost`, { customerId: customer.id }),
      },
    );
  }

  async report(args: ChurnReportArgs): Promise<ChurnReport> {
    if (args.from > args.to) throw badInput('from must not be after to', 'from');
    const records = await this.dataSource.getRepository(ChurnRecord).find({
      where: { churnedOn: Between(args.from, args.to) },
      order: { churnedOn: 'DESC', recordedAt: 'DESC' },
    });
    return {
      total: records.length,
      byAttribution: ChurnAttributions.map((attribution) => ({
        attribution,
        customers: records.filter((record) => record.attribution === attribution).length,
      })),
      records,
    };
  }

  findByCustomerIds(customerIds: readonly string[]): Promise<ChurnRecord[]> {
    return this.dataSource
      .getRepository(ChurnRecord)
      .createQueryBuilder('r')
      .where('r.customerId = ANY(:ids)', { ids: onlyUuids(customerIds) })
      .getMany();
  }

  private async evidence(manager: EntityManager, customerId: string, reason: RecordChurnInput['reason'], asOf: Date) {
    const [service]: { qualityFactor: number | null; complaints: number }[] = await manager.query(SERVICE_FACTS, [customerId, asOf.toISOString()]);
    const [maintenance] = await this.maintenance.summaries([customerId], asOf, manager);
    const decided = attribute({ reason, ...service, contactsLast90Days: maintenance.contactsLast90Days, visitsLast90Days: maintenance.visitsLast90Days });
    const evidence: ChurnEvidence = {
      qualityFactor: service.qualityFactor,
      complaints: service.complaints,
      contactsLast90Days: maintenance.contactsLast90Days,
      visitsLast90Days: maintenance.visitsLast90Days,
      lastContactAt: maintenance.lastContactAt,
      serviceFellShort: decided.serviceFellShort,
      salesFellShort: decided.salesFellShort,
      explanation: decided.explanation,
    };
    return { attribution: decided.attribution, evidence };
  }

  private publish(manager: EntityManager, record: ChurnRecord): Promise<void> {
    return this.outbox.record(
      manager,
      CustomerChurned.create(record.customerId, {
        customerId: record.customerId,
        reason: record.reason,
        controllable: record.controllable,
        attribution: record.attribution,
        churnedOn: record.churnedOn,
      }),
    );
  }
}
