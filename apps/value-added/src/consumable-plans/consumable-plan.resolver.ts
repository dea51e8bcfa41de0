import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { ConsumablePlan } from './consumable-plan.entity';
import { ChangeStagePriceInput, DefineConsumablePlanInput } from './consumable-plan.inputs';
import { ConsumablePlansService } from './consumable-plans.service';
import { ConsumableStage } from './consumable-stage.entity';
import { StagePriceChange } from './stage-price-change.entity';

const STAGES_BY_PLAN = Symbol('stagesByPlan');

@Resolver(() => ConsumablePlan)
export class ConsumablePlanResolver {
  constructor(private readonly plans: ConsumablePlansService) {}

  @Guarded()
  @Mutation(() => ConsumablePlan, { description: 'Defines the plan of a product model; fails with CONSUMABLE_PLAN_EXISTS if it has one.' })
  defineConsumablePlan(
    @Arg('input', () => DefineConsumablePlanInput) input: DefineConsumablePlanInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<ConsumablePlan> {
    return this.plans.define(input, identity);
  }

  @Guarded()
  @Mutation(() => ConsumablePlan, { description: "A stage's new price from now on; the old one stays in its price history." })
  changeConsumableStagePrice(
    @Arg('input', () => ChangeStagePriceInput) input: ChangeStagePriceInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<ConsumablePlan> {
    return this.plans.changeStagePrice(input, identity);
  }

  @Guarded()
  @Query(() => ConsumablePlan, { nullable: true, description: 'The plan of a product model, or null if it has none.' })
  consumablePlan(@Arg('productModel') productModel: string): Promise<ConsumablePlan | null> {
    return this.plans.findByProductModel(productModel);
  }

  @Guarded()
  @Query(() => [ConsumablePlan], { description: 'Every consumable plan, by product model.' })
  consumablePlans(): Promise<ConsumablePlan[]> {
    return this.plans.all();
  }

  @FieldResolver(() => [ConsumableStage], { description: 'Soonest-due first.' })
  stages(@Root() plan: ConsumablePlan, @Ctx() { loaders }: RequestContext): Promise<ConsumableStage[]> {
    return groupLoader<string, ConsumableStage>(
      loaders,
      STAGES_BY_PLAN,
      (planIds) => this.plans.stagesOf(planIds),
      (stage) => stage.planId,
    ).load(plan.id);
  }
}

const PRICE_HISTORY = Symbol('priceHistoryByStage');

@Resolver(() => ConsumableStage)
export class ConsumableStageResolver {
  constructor(private readonly plans: ConsumablePlansService) {}

  @FieldResolver(() => [StagePriceChange], { description: 'Every price the stage has had, newest first.' })
  priceHistory(@Root() stage: ConsumableStage, @Ctx() { loaders }: RequestContext): Promise<StagePriceChange[]> {
    return groupLoader<string, StagePriceChange>(
      loaders,
      PRICE_HISTORY,
      (ids) => this.plans.priceHistoryOf(ids),
      (change) => change.stageId,
    ).load(stage.id);
  }
}
