import { actorOf } from '@aftercare/identity';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CalendarDateScalar, Guarded, RequestContext } from '@aftercare/subgraph';
import { WorkOrder } from '../work-orders/work-order.entity';
import { AcceptSelfInstallInput, AssignWorkOrderInput, DispatchRun } from './dispatch.inputs';
import { DispatchService } from './dispatch.service';

@Resolver()
export class DispatchResolver {
  constructor(private readonly dispatch: DispatchService) {}

  @Guarded()
  @Mutation(() => DispatchRun, { description: "Auto-dispatches the day's scheduled work orders, most valuable customers first." })
  dispatchDay(@Arg('date', () => CalendarDateScalar) date: string, @Ctx() { identity }: RequestContext): Promise<DispatchRun> {
    return this.dispatch.dispatchDay(date, actorOf(identity).id);
  }

  @Guarded()
  @Mutation(() => DispatchRun, { description: 'Auto-dispatches one scheduled work order.' })
  dispatchWorkOrder(@Arg('workOrderId', () => ID) workOrderId: string, @Ctx() { identity }: RequestContext): Promise<DispatchRun> {
    return this.dispatch.dispatchOne(workOrderId, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: 'Assigns (or reassigns) an engineer by hand, overriding the rules, with a reason.' })
  assignWorkOrder(@Arg('input', () => AssignWorkOrderInput) input: AssignWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.dispatch.assignManually(input.workOrderId, input.engineerId, input.reason, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, {
    description: 'The customer beyond the service radius installs it themselves; the work order is cancelled and the fee refunded.',
  })
  acceptSelfInstall(@Arg('input', () => AcceptSelfInstallInput) input: AcceptSelfInstallInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.dispatch.acceptSelfInstall(input.workOrderId, input.installFeeCents, identity);
  }
}
