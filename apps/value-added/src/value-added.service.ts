import { batchedReference } from '@aftercare/subgraph';
import type { ServiceDefinition } from '@aftercare/service-runtime';
import { ConsumablePlan } from './consumable-plans/consumable-plan.entity';
import { ConsumablePlanResolver } from './consumable-plans/consumable-plan.resolver';
import { ConsumablePlansService } from './consumable-plans/consumable-plans.service';
import { ConsumableStage } from './consumable-plans/consumable-stage.entity';
import { valueAddedMigrations } from './migrations';

export const valueAddedService: ServiceDefinition = {
  name: 'value-added',
  defaultPort: 4005,
  entities: [ConsumablePlan, ConsumableStage],
  migrations: valueAddedMigrations,
  resolvers: [ConsumablePlanResolver],
  referenceResolvers: (container) => ({
    ConsumablePlan: batchedReference(ConsumablePlan, (ids) => container.get(ConsumablePlansService).findByIds(ids)),
  }),
};
