import { DataSource } from 'typeorm';
import { ConsumablePlanDefined } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, rejectingDuplicates } from '@aftercare/persistence';
import { DomainError, Injectable } from '@aftercare/subgraph';
import { ConsumablePlan } from './consumable-plan.entity';
import { DefineConsumablePlanInput } from './consumable-plan.inputs';
import { ConsumableStage } from './consumable-stage.entity';

const PLAN_PRODUCT_MODEL = 'uq_consumable_plan_product_model';

@Injectable()
export class ConsumablePlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The plan, its stages and its announcement commit together; a model that already has a plan is refused. */
  async define(input: DefineConsumablePlanInput): Promise<ConsumablePlan> {
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
          await manager.insert(
            ConsumableStage,
            stages.map((stage) => ({ ...stage, planId: plan.id })),
          );
          await this.outbox.record(
            manager,
            ConsumablePlanDefined.create(plan.id, { planId: plan.id, productModel, brand: plan.brand, stages }),
          );
          return plan;
        }),
      {
        constraint: PLAN_PRODUCT_MODEL,
        error: () =>
          new DomainError('CONSUMABLE_PLAN_EXISTS', `Product model ${productModel} already has a consumable plan`, { productModel }),
      },
    );
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
