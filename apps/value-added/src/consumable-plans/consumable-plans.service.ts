import { DataSource, EntityManager } from 'typeorm';
import { ConsumablePlanDefined } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, rejectingDuplicates } from '@aftercare/persistence';
import { actorOf, type Identity } from '@aftercare/identity';
import { ValueAddedErrorCodes } from '@aftercare/error-codes';
import { DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { DevicesService } from '../devices/devices.service';
import { ConsumablePlan } from './consumable-plan.entity';
import { ChangeStagePriceInput, DefineConsumablePlanInput } from './consumable-plan.inputs';
import { ConsumableStage } from './consumable-stage.entity';
import { StagePriceChange } from './stage-price-change.entity';

const PLAN_PRODUCT_MODEL = 'uq_consumable_plan_product_model';

@Injectable()
export class ConsumablePlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly devices: DevicesService,
  ) {}

  /** The plan, its stages and its announcement commit together; a model that already has a plan is refused. */
  async define(input: DefineConsumablePlanInput, identity: Identity): Promise<ConsumablePlan> {
    const productModel = input.productModel.trim();
    // The unique index, not a prior lookup, decides: two definitions of one model may race.
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const plans = manager.getRepository(ConsumablePlan);
          const plan = await plans.save(plans.create({ productModel, brand: input.brand.trim() }));
          const stages = input.stages.map((stage) => ({
            name: stage.name.trim(),
            intervalMonths: stage.intervalMonths,
            priceCents: stage.priceCents,
          }));
          const inserted = await manager.insert(
            ConsumableStage,
            stages.map((stage) => ({ ...stage, planId: plan.id })),
          );
          const stageIds = inserted.identifiers.map((identifier) => identifier['id'] as string);
          await manager.insert(
            StagePriceChange,
            stages.map((stage, i) => ({ stageId: stageIds[i], priceCents: stage.priceCents, previousPriceCents: null, changedBy: actorOf(identity).id })),
          );
          // Machines of this model installed before it had a plan get their clocks now, from their install day.
          await this.devices.startClocksForModel(manager, plan.id, productModel);
          await this.outbox.record(manager, ConsumablePlanDefined.create(plan.id, { planId: plan.id, productModel, brand: plan.brand, stages }));
          return plan;
        }),
      {
        constraint: PLAN_PRODUCT_MODEL,
        error: () =>
          new DomainError(ValueAddedErrorCodes.CONSUMABLE_PLAN_EXISTS, `Product model ${productModel} already has a consumable plan`, { productModel }),
      },
    );
  }

  /**
   * A new price for one stage from now on; quotes and orders use it, the old one stays in the history. The
   * plan is announced again as it now stands.
   */
  async changeStagePrice(input: ChangeStagePriceInput, identity: Identity): Promise<ConsumablePlan> {
    const productModel = input.productModel.trim();
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.getRepository(ConsumablePlan).findOneBy({ productModel });
      if (!plan) throw notFound('ConsumablePlan', productModel);
      const stage = await manager
        .getRepository(ConsumableStage)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.planId = :planId AND lower(s.name) = lower(:name)', { planId: plan.id, name: input.stage.trim() })
        .getOne();
      if (!stage)
        throw new DomainError(ErrorCodes.NOT_FOUND, `${productModel} has no stage ${input.stage.trim()}`, {
          entity: 'ConsumableStage',
          productModel,
          stage: input.stage,
        });
      if (stage.priceCents !== input.priceCents) {
        await manager.update(ConsumableStage, { id: stage.id }, { priceCents: input.priceCents });
        await manager.insert(StagePriceChange, {
          stageId: stage.id,
          priceCents: input.priceCents,
          previousPriceCents: stage.priceCents,
          changedBy: actorOf(identity).id,
        });
        await this.announce(manager, plan);
      }
      return plan;
    });
  }

  private async announce(manager: EntityManager, plan: ConsumablePlan): Promise<void> {
    const stages = await manager.getRepository(ConsumableStage).find({ where: { planId: plan.id }, order: { intervalMonths: 'ASC', name: 'ASC' } });
    await this.outbox.record(
      manager,
      ConsumablePlanDefined.create(plan.id, {
        planId: plan.id,
        productModel: plan.productModel,
        brand: plan.brand,
        stages: stages.map(({ name, intervalMonths, priceCents }) => ({ name, intervalMonths, priceCents })),
      }),
    );
  }

  /** Every price each stage has had, newest first, for many stages in one query. */
  priceHistoryOf(stageIds: readonly string[]): Promise<StagePriceChange[]> {
    return findReferencing(this.dataSource.getRepository(StagePriceChange), 'stageId', stageIds, { changedAt: 'DESC' });
  }

  findByProductModel(productModel: string): Promise<ConsumablePlan | null> {
    return this.dataSource.getRepository(ConsumablePlan).findOneBy({ productModel: productModel.trim() });
  }

  /** Every plan, by model. A catalogue of models, hundreds at most, so not paged. */
  all(): Promise<ConsumablePlan[]> {
    return this.dataSource.getRepository(ConsumablePlan).find({ order: { productModel: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<ConsumablePlan[]> {
    return findByIds(this.dataSource.getRepository(ConsumablePlan), ids);
  }

  /** The stages of many plans in one query, soonest-due first within each plan. */
  stagesOf(planIds: readonly string[]): Promise<ConsumableStage[]> {
    return findReferencing(this.dataSource.getRepository(ConsumableStage), 'planId', planIds, { intervalMonths: 'ASC', name: 'ASC' });
  }
}
