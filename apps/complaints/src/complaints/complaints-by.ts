import type { GraphQLResolveInfo } from 'graphql';
import { narrowedGroupLoader, RequestContext } from '@aftercare/subgraph';
import { Complaint } from './complaint.entity';
import { ComplaintsService } from './complaints.service';

export type Column = 'customerId' | 'orderId' | 'workOrderId' | 'engineerId';

/**
 * One loader per column: the complaints of every entity of one kind in a request come in one query. Only the
 * columns the fields asked of each complaint read are read (`info`'s selection), in a loader per set of fields.
 */
export function complaintsBy(
  complaints: ComplaintsService,
  { loaders }: RequestContext,
  column: Column,
  id: string,
  info: GraphQLResolveInfo,
): Promise<Complaint[]> {
  return narrowedGroupLoader<string, Complaint>(
    loaders,
    `complaintsBy:${column}`,
    info,
    (ids, fields) => complaints.findReferencing(column, ids, fields),
    (complaint) => complaint[column] as string,
  ).load(id);
}

export const NEWEST_FIRST = 'Newest first.';
