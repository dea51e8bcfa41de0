import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { alignByKey, CalendarDateScalar, Guarded, RequestContext } from '@aftercare/subgraph';

import { WorkOrder } from '../work-orders/work-order.entity';
import { CompletionRecord } from './completion-record.entity';
import { CompleteWorkOrderInput, RecordReturnVisitInput } from './completion.inputs';
import { CompletionService } from './completion.service';
import { ReturnVisit } from './return-visit.entity';

const COMPLETION = Symbol('completionByWorkOrder');

@Resolver(() => WorkOrder)
export class CompletionResolver {
  constructor(private readonly completions: CompletionService) {}

  @Guarded()
  @Mutation(() => WorkOrder, {
    description: 'Records what was done on site: IN_PROGRESS → COMPLETED, and opens the return visit. An engineer completes only their own.',
  })
  completeWorkOrder(@Arg('input', () => CompleteWorkOrderInput) input: CompleteWorkOrderInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.completions.complete(input, identity);
  }

  @Guarded()
  @Mutation(() => WorkOrder, { description: "The return visit's result: OK verifies (and releases the engineer's pay); PROBLEM or PAYMENT_DISPUTE reopens." })
  recordReturnVisit(@Arg('input', () => RecordReturnVisitInput) input: RecordReturnVisitInput, @Ctx() { identity }: RequestContext): Promise<WorkOrder> {
    return this.completions.recordReturnVisit(input, identity);
  }

  @Guarded()
  @Query(() => [ReturnVisit], { description: 'Callbacks still to make, due on or before the day, oldest first.' })
  returnVisitsDue(@Arg('onOrBefore', () => CalendarDateScalar) onOrBefore: string): Promise<ReturnVisit[]> {
    return this.completions.returnVisitsDue(onOrBefore);
  }

  @Guarded()
  @FieldResolver(() => CompletionRecord, { nullable: true, description: 'What was recorded on completion, once completed.' })
  completion(@Root() workOrder: WorkOrder, @Ctx() { loaders }: RequestContext): Promise<CompletionRecord | null> {
    return loaders
      .get<string, CompletionRecord | null>(COMPLETION, async (ids) => alignByKey(ids, await this.completions.completionsOf(ids), (row) => row.workOrderId))
      .load(workOrder.id);
  }
}
