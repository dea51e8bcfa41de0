import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { groupLoader, RequestContext } from '@aftercare/subgraph';
import { ConsumablePlan } from './consumable-plan.entity';
import { DefineConsumablePlanInput } from './consumable-plan.inputs';
import { ConsumablePlansService } from './consumable-plans.service';
import { ConsumableStage } from './consumable-stage.entity';

const PLAN_EDITORS = ['VALUE_ADDED_AGENT', 'SUPERVISOR', 'ADMIN'];
/** Dispatch schedules the replacements and sales quotes them, so both read the plans. */
const PLAN_READERS = [...PLAN_EDITORS, 'DISPATCHER', 'SALES'];

const STAGES_BY_PLAN = Symbol('stagesByPlan');

@Resolver(() => ConsumablePlan)
export class ConsumablePlanResolver {
  constructor(private readonly plans: ConsumablePlansService) {}

  @Authorized(...PLAN_EDITORS)
  @Mutation(() => ConsumablePlan, { description: 'Defines the plan of a product model; fails with CONSUMABLE_PLAN_EXISTS if it has one.' })
  defineConsumablePlan(@Arg('input', () => DefineConsumablePlanInput) input: DefineConsumablePlanInput): Promise<ConsumablePlan> {
    return this.plans.define(input);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => ConsumablePlan, { nullable: true, description: 'The plan of a product model, or null if it has none.' })
  consumablePlan(@Arg('productModel') productModel: string): Promise<ConsumablePlan | null> {
    return this.plans.findByProductModel(productModel);
  }

  @Authorized(...PLAN_READERS)
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
