import { groupLoader, RequestContext } from '@aftercare/subgraph';
import { Complaint } from './complaint.entity';
import { ComplaintsService } from './complaints.service';

export type Column = 'customerId' | 'orderId' | 'workOrderId' | 'engineerId';

/** One loader per column: the complaints of every entity of one kind in a request come in one query. */
export function complaintsBy(complaints: ComplaintsService, { loaders }: RequestContext, column: Column, id: string): Promise<Complaint[]> {
  return groupLoader<string, Complaint>(
    loaders,
    `complaintsBy:${column}`,
    (ids) => complaints.findReferencing(column, ids),
    (complaint) => complaint[column] as string,
  ).load(id);
}

export const NEWEST_FIRST = 'Newest first.';
