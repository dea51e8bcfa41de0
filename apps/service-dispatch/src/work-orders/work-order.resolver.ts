import { actorOf } from '@aftercare/identity';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CalendarDateScalar, groupLoader, Guarded, loadOrNotFound, notFound, RequestContext } from '@aftercare/subgraph';
import { maySee } from './work-order-access';
import { WorkOrder, WorkOrderStatus, WorkOrderStatusEnum } from './work-order.entity';
import { CancelWorkOrderInput, CreateWorkOrderInput, RescheduleWorkOrderInput, ScheduleWorkOrderInput } from './work-order.inputs';
import { WorkOrderTransition } from './work-order-transition.entity';
import { WorkOrdersService } from './work-orders.service';

const HISTORY = Symbol('workOrderHistory');

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  constructor(private readonly workOrders: WorkOrdersService) {}

  @Guarded()
  @Query(() => WorkOrder, { description: 'One work order; an engineer finds only their own, a partner only those on its orders.' })
  async workOrder(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<WorkOrder> {
    const workOrder = await loadOrNotFound(context, WorkOrder, 'WorkOrder', id, (ids) => this.workOrders.findByIds(ids));
    if (!maySee(context.identity, workOrder)) throw notFound('WorkOrder', id);
    return workOrder;
  }

  @Guarded()
  @Query(() => [WorkOrder], { description: "The calling engineer's work orders (of one day when given), in appointment order." })
  myWorkOrders(@Arg('date', () => CalendarDateScalar, { nullable: true }) date: string | null, @Ctx() { identity }: RequestContext): Promise<WorkOrder[]> {
    return this.workOrders.engineerDay(actorOf(identity).id, date);
  }

  @Guarded()
  @Query(() => [WorkOrder], { description: "A day's appointments (optionally of one status), in slot order: the dispatcher's board." })
  workOrdersOn(
    @Arg('date', () => CalendarDateScalar) date: string,
    @Arg('status', () => WorkOrderStatusEnum, { nullable: true }) status: WorkOrderStatus | null,
  ): Promise<WorkOrder[]> {
    return this.workOrders.dayBoard(date, status);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: 'Opens a work order by hand, CREATED.' })
  createWorkOrder(@Arg('input', () => CreateWorkOrderInput) input: CreateWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.workOrders.createByDispatcher(input, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: "Books the appointment (the customer's preferred date unless another is given): CREATED → SCHEDULED." })
  scheduleWorkOrder(@Arg('input', () => ScheduleWorkOrderInput) input: ScheduleWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.workOrders.schedule(input, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: 'A new appointment before completion, with the reason; an assigned engineer is released.' })
  rescheduleWorkOrder(@Arg('input', () => RescheduleWorkOrderInput) input: RescheduleWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.workOrders.reschedule(input, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: 'Cancels before completion, with the reason.' })
  cancelWorkOrder(@Arg('input', () => CancelWorkOrderInput) input: CancelWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.workOrders.cancel(input, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: 'The engineer is on site: ASSIGNED → IN_PROGRESS. An engineer may start only their own.' })
  startWorkOrder(@Arg('workOrderId', () => ID) workOrderId: string, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.workOrders.start(workOrderId, identity);
  }

  @Guarded()
  @FieldResolver(() => [WorkOrderTransition], { description: 'Every move so far, oldest first, with who made it and why.' })
  history(@Root() workOrder: WorkOrder, @Ctx() { loaders }: RequestContext): Promise<WorkOrderTransition[]> {
    return groupLoader<string, WorkOrderTransition>(
      loaders,
      HISTORY,
      (ids) => this.workOrders.historyOf(ids),
      (row) => row.workOrderId,
    ).load(workOrder.id);
  }
}
