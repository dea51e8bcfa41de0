import { DataSource, EntityManager } from 'typeorm';
import { actorOf, type Identity } from '@aftercare/identity';
import { badInput, Injectable, notFound } from '@aftercare/subgraph';
import { BrandInsurance } from '../complaints/brand-insurance.entity';
import { BusinessHoliday } from '../sla/holiday.entity';
import { SlaPolicy } from '../sla/sla-policy.entity';
import { SettingsChange, SettingsKind } from './settings-change.entity';
import { DefineSlaPolicyInput, SetBrandInsuranceInput, SetBusinessHolidayInput } from './settings.inputs';

/** The entry as it is recorded in the history: its data, without the row's id. */
function recorded<T extends object>(entry: T | null): Record<string, unknown> | null {
  if (!entry) return null;
  const { id: _id, ...data } = entry as T & { id?: unknown };
  return data;
}

/**
 * The data complaints runs on — which brands are insured, the SLA targets, the public holidays — changed through
 * the graph by an ADMIN instead of by migration or SQL. Each change is written with its history row (who, when,
 * before, after) in one transaction. A change applies to what comes next: complaints already running keep the
 * deadlines their clocks stored, and a liability already determined keeps the insurance it found.
 */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  setBrandInsurance(identity: Identity, input: SetBrandInsuranceInput): Promise<BrandInsurance> {
    const brand = input.brand.trim();
    const insurer = input.insurer?.trim() || null;
    if (!input.insured && insurer) throw badInput('Only an insured brand has an insurer', 'insurer');
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(BrandInsurance).findOne({ where: { brand }, lock: { mode: 'pessimistic_write' } });
      const after = manager.create(BrandInsurance, { brand, insured: input.insured, insurer });
      await manager.upsert(BrandInsurance, after, ['brand']);
      await this.record(manager, identity, 'BRAND_INSURANCE', brand, before, after);
      return after;
    });
  }

  defineSlaPolicy(identity: Identity, input: DefineSlaPolicyInput): Promise<SlaPolicy> {
    if (input.firstContactHours > input.resolutionHours) throw badInput('First contact cannot be due after the resolution', 'firstContactHours');
    if (input.opinionHours > input.resolutionHours) throw badInput('The opinion cannot be due after the resolution', 'opinionHours');
    const { category, priority } = input;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SlaPolicy);
      const before = await repository.findOne({ where: { category, priority }, lock: { mode: 'pessimistic_write' } });
      const targets = {
        firstContactHours: input.firstContactHours,
        opinionHours: input.opinionHours,
        resolutionHours: input.resolutionHours,
        countedIn: input.countedIn,
        warnBeforeMinutes: input.warnBeforeMinutes,
        backOfficeObservesHolidays: input.backOfficeObservesHolidays,
      };
      const beforeRecord = recorded(before ? { ...before } : null);
      const policy = before
        ? await repository.save(Object.assign(before, targets))
        : await repository.save(repository.create({ category, priority, ...targets }));
      await this.record(manager, identity, 'SLA_POLICY', `${category}/${priority}`, beforeRecord, recorded(policy));
      return policy;
    });
  }

  setHoliday(identity: Identity, input: SetBusinessHolidayInput): Promise<BusinessHoliday> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(BusinessHoliday).findOne({ where: { day: input.day }, lock: { mode: 'pessimistic_write' } });
      const after = manager.create(BusinessHoliday, { day: input.day, name: input.name.trim() });
      await manager.upsert(BusinessHoliday, after, ['day']);
      await this.record(manager, identity, 'BUSINESS_HOLIDAY', input.day, before, after);
      return after;
    });
  }

  removeHoliday(identity: Identity, day: string): Promise<BusinessHoliday> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(BusinessHoliday).findOne({ where: { day }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('BusinessHoliday', day);
      await manager.delete(BusinessHoliday, { day });
      await this.record(manager, identity, 'BUSINESS_HOLIDAY', day, before, null);
      return before;
    });
  }

  brandInsurances(): Promise<BrandInsurance[]> {
    return this.dataSource.getRepository(BrandInsurance).find({ order: { brand: 'ASC' } });
  }

  slaPolicies(): Promise<SlaPolicy[]> {
    return this.dataSource.getRepository(SlaPolicy).find({ order: { category: 'ASC', priority: 'ASC' } });
  }

  holidays(from: string, to: string): Promise<BusinessHoliday[]> {
    return this.dataSource
      .getRepository(BusinessHoliday)
      .createQueryBuilder('holiday')
      .where('holiday.day BETWEEN :from AND :to', { from, to })
      .orderBy('holiday.day', 'ASC')
      .getMany();
  }

  history(kind: SettingsKind | null | undefined): Promise<SettingsChange[]> {
    return this.dataSource.getRepository(SettingsChange).find({ where: kind ? { kind } : {}, order: { changedAt: 'DESC' }, take: 200 });
  }

  private async record(
    manager: EntityManager,
    identity: Identity,
    kind: SettingsKind,
    subject: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    await manager.save(manager.create(SettingsChange, { kind, subject, before: recorded(before), after: recorded(after), changedBy: actorOf(identity).id }));
  }
}
