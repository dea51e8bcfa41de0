import { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '@aftercare/identity';
import { Injectable } from '@aftercare/subgraph';
import { BusinessType } from '../customers/customer-profile';
import { staffId } from '../customers/customer-access';
import { CompanySetting, PromiseTemplate, ReferenceDataChange, ReferenceDataKind, ReferencePrice } from './reference-data.entities';
import { SetPromiseTemplateInput, SetReferencePriceInput } from './reference-data.inputs';

const AREA_TOLERANCE = 'AREA_TOLERANCE_PERCENT';
const DEFAULT_AREA_TOLERANCE_PERCENT = 10;

/** The floor is rounded up: a fraction of a fen below the band is still below it. */
export function floorOf(referencePriceCents: number, bandPercent: number): number {
  return Math.ceil((referencePriceCents * (100 - bandPercent)) / 100);
}

/** Prices, promise templates and the area tolerance: data ADMIN keeps, every change kept with what it replaced. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly dataSource: DataSource) {}

  setReferencePrice(identity: Identity, input: SetReferencePriceInput): Promise<ReferencePrice> {
    const key = { region: input.region.trim(), businessType: input.businessType, serviceItem: input.serviceItem.toUpperCase() };
    const values = {
      referencePriceCents: input.referencePriceCents,
      bandPercent: input.bandPercent,
      floorCents: floorOf(input.referencePriceCents, input.bandPercent),
    };
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ReferencePrice);
      const before = await repository.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
      const previous = before && { ...key, referencePriceCents: before.referencePriceCents, bandPercent: before.bandPercent, floorCents: before.floorCents };
      const saved = await repository.save(before ? repository.merge(before, values) : repository.create({ ...key, ...values }));
      await this.recordChange(manager, identity, 'REFERENCE_PRICE', `${key.region}/${key.businessType}/${key.serviceItem}`, previous, { ...key, ...values });
      return saved;
    });
  }

  setPromiseTemplate(identity: Identity, input: SetPromiseTemplateInput): Promise<PromiseTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PromiseTemplate);
      const before = await repository.findOne({ where: { businessType: input.businessType }, lock: { mode: 'pessimistic_write' } });
      const values = { visitsPerMonth: input.visitsPerMonth, qualityStandard: input.qualityStandard };
      const previous = before && { businessType: before.businessType, visitsPerMonth: before.visitsPerMonth, qualityStandard: before.qualityStandard };
      const saved = await repository.save(before ? repository.merge(before, values) : repository.create({ businessType: input.businessType, ...values }));
      await this.recordChange(manager, identity, 'PROMISE_TEMPLATE', input.businessType, previous, { businessType: input.businessType, ...values });
      return saved;
    });
  }

  setAreaTolerance(identity: Identity, percent: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.areaTolerancePercent(manager);
      await manager.upsert(CompanySetting, { name: AREA_TOLERANCE, value: percent }, ['name']);
      await this.recordChange(manager, identity, 'AREA_TOLERANCE', AREA_TOLERANCE, { percent: before }, { percent });
      return percent;
    });
  }

  async areaTolerancePercent(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const setting = await manager.getRepository(CompanySetting).findOneBy({ name: AREA_TOLERANCE });
    return setting?.value ?? DEFAULT_AREA_TOLERANCE_PERCENT;
  }

  referencePricesFor(manager: EntityManager, region: string, businessType: BusinessType, serviceItems: string[]): Promise<ReferencePrice[]> {
    return manager
      .getRepository(ReferencePrice)
      .createQueryBuilder('p')
      .where('p.region = :region AND p.businessType = :businessType AND p.serviceItem = ANY(:serviceItems)', { region, businessType, serviceItems })
      .getMany();
  }

  promiseTemplate(manager: EntityManager, businessType: BusinessType): Promise<PromiseTemplate | null> {
    return manager.getRepository(PromiseTemplate).findOneBy({ businessType });
  }

  referencePrices(region?: string): Promise<ReferencePrice[]> {
    return this.dataSource.getRepository(ReferencePrice).find({
      where: region ? { region } : {},
      order: { region: 'ASC', businessType: 'ASC', serviceItem: 'ASC' },
    });
  }

  promiseTemplates(): Promise<PromiseTemplate[]> {
    return this.dataSource.getRepository(PromiseTemplate).find({ order: { businessType: 'ASC' } });
  }

  history(kind?: ReferenceDataKind): Promise<ReferenceDataChange[]> {
    return this.dataSource.getRepository(ReferenceDataChange).find({ where: kind ? { kind } : {}, order: { changedAt: 'DESC' }, take: 200 });
  }

  private async recordChange(
    manager: EntityManager,
    identity: Identity,
    kind: ReferenceDataKind,
    subject: string,
    before: object | null,
    after: object,
  ): Promise<void> {
    await manager.save(
      manager.getRepository(ReferenceDataChange).create({
        kind,
        subject,
        before: before as Record<string, unknown> | null,
        after: after as Record<string, unknown>,
        changedBy: staffId(identity),
      }),
    );
  }
}
