import type { GraphQLResolveInfo } from 'graphql';
import { Args, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Guarded, selectedFields } from '@aftercare/subgraph';
import { Customer } from '../customers/customer.entity';
import { Engineer } from '../engineers/engineer.entity';

import { WorkOrder } from './work-order.entity';
import { WorkOrderConnection, WorkOrderSearchArgs } from './work-order-board.inputs';
import { WorkOrderBoardService } from './work-order-board.service';

@Resolver(() => WorkOrder)
export class WorkOrderBoardResolver {
  constructor(private readonly board: WorkOrderBoardService) {}

  @Guarded()
  @Query(() => WorkOrderConnection, {
    description: 'Work orders by status, type, city, appointment day, engineer, customer or awaiting a backup engineer, oldest first: the dispatcher board.',
  })
  workOrders(@Args(() => WorkOrderSearchArgs) args: WorkOrderSearchArgs, @Info() info: GraphQLResolveInfo): Promise<WorkOrderConnection> {
    return this.board.search(args, selectedFields(info, ['edges', 'node']));
  }

  /**
   * Sales owns the card: dispatch answers with the key only and the gateway fetches every work order's
   * customer in one batched `_entities` call. Null when sales' row rules hide the card from the caller.
   */
  @Guarded()
  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the work is for (sales’ card; null where the caller may not open it).' })
  customer(@Root() workOrder: WorkOrder): Customer {
    return { id: workOrder.customerId };
  }

  @Guarded()
  @FieldResolver(() => Engineer, { nullable: true, description: 'The engineer the work order is assigned to (engineer-network’s profile).' })
  engineer(@Root() workOrder: WorkOrder): Engineer | null {
    return workOrder.engineerId ? { id: workOrder.engineerId } : null;
  }
}
