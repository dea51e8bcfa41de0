import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { visibleTo } from '../work-orders/work-order-access';
import { WorkOrder } from '../work-orders/work-order.entity';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { Engineer } from './engineer.entity';

const BY_ENGINEER = Symbol('workOrdersByEngineer');

@Resolver(() => Engineer)
export class EngineerWorkOrdersResolver {
  constructor(private readonly workOrderService: WorkOrdersService) {}

  @Guarded()
  @FieldResolver(() => [WorkOrder], { description: 'The work orders assigned to the engineer, by appointment day.' })
  async workOrders(@Root() engineer: Engineer, @Ctx() { identity, loaders }: RequestContext): Promise<WorkOrder[]> {
    const workOrders = await groupLoader<string, WorkOrder>(
      loaders,
      BY_ENGINEER,
      (engineerIds) => this.workOrderService.findByEngineerIds(engineerIds),
      (workOrder) => workOrder.engineerId as string,
    ).load(engineer.id);
    return visibleTo(identity, workOrders);
  }
}
