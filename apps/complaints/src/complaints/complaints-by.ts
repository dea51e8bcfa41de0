import { fieldSetKey, groupLoader, RequestContext } from '@aftercare/subgraph';
import { Complaint } from './complaint.entity';
import { ComplaintsService } from './complaints.service';

export type Column = 'customerId' | 'orderId' | 'workOrderId' | 'engineerId';

/**
 * One loader per column: the complaints of every entity of one kind in a request come in one query. Given the
 * fields asked of each complaint (`selectedFields`), only the columns they read are read, in a loader of their own.
 */
export function complaintsBy(
  complaints: ComplaintsService,
  { loaders }: RequestContext,
  column: Column,
  id: string,
  fields?: ReadonlySet<string>,
): Promise<Complaint[]> {
  return groupLoader<string, Complaint>(
    loaders,
    `complaintsBy:${column}`,
    (ids) => complaints.findReferencing(column, ids, fields),
    (complaint) => complaint[column] as string,
    fields && fieldSetKey(fields),
  ).load(id);
}

export const NEWEST_FIRST = 'Newest first.';
