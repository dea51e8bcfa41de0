import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintsService } from '../complaints/complaints.service';
import { Customer } from './customer.entity';
import { Engineer, Order, WorkOrder } from './related-entities';

type Column = 'customerId' | 'orderId' | 'workOrderId' | 'engineerId';

/** One loader per column: the complaints of every entity of one kind in a request come in one query. */
function complaintsBy(complaints: ComplaintsService, { loaders }: RequestContext, column: Column, id: string): Promise<Complaint[]> {
  return groupLoader<string, Complaint>(
    loaders,
    `complaintsBy:${column}`,
    (ids) => complaints.findReferencing(column, ids),
    (complaint) => complaint[column] as string,
  ).load(id);
}

const DESCRIPTION = 'Newest first.';

@Resolver(() => Customer)
export class CustomerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: "The customer's complaints, newest first." })
  complaints(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'customerId', customer.id);
  }
}

@Resolver(() => Order)
export class OrderComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: DESCRIPTION })
  complaints(@Root() order: Order, @Ctx() context: RequestContext): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'orderId', order.id);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: DESCRIPTION })
  complaints(@Root() workOrder: WorkOrder, @Ctx() context: RequestContext): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'workOrderId', workOrder.id);
  }
}

@Resolver(() => Engineer)
export class EngineerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintsService) {}

  @Guarded()
  @FieldResolver(() => [Complaint], { description: "Complaints about the engineer's jobs, newest first." })
  complaints(@Root() engineer: Engineer, @Ctx() context: RequestContext): Promise<Complaint[]> {
    return complaintsBy(this.complaintService, context, 'engineerId', engineer.id);
  }
}
