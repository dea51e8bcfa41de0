import { DataSource } from 'typeorm';
import { onlyUuids, selectColumnsFor } from '@aftercare/persistence';
import { Connection, Injectable, keysetPage } from '@aftercare/subgraph';
import { WORK_ORDER_FIELD_READS } from './work-order-columns';
import { WorkOrder } from './work-order.entity';
import { WorkOrderSearchArgs } from './work-order-board.inputs';

/** The dispatcher board and any console list of work orders: filtered, oldest first, keyset-paged. */
@Injectable()
export class WorkOrderBoardService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Oldest first: on a board what has waited longest comes first, and new work orders join the end of the list.
   * Given the fields asked of each work order, only the columns they read are read (createdAt for the cursor).
   */
  async search(args: WorkOrderSearchArgs, fields?: Iterable<string>): Promise<Connection<WorkOrder>> {
    const query = this.dataSource.getRepository(WorkOrder).createQueryBuilder('wo');
    if (fields) selectColumnsFor(query, fields, { always: ['createdAt'], readBy: WORK_ORDER_FIELD_READS });
    if (args.status) query.andWhere('wo.status = :status', { status: args.status });
    if (args.type) query.andWhere('wo.type = :type', { type: args.type });
    if (args.city?.trim()) query.andWhere('lower(wo.city) = lower(:city)', { city: args.city.trim() });
    if (args.date) query.andWhere('wo.appointmentDate = :date', { date: args.date });
    if (args.engineerId) query.andWhere('wo.engineerId = :engineerId', { engineerId: args.engineerId });
    if (args.customerId) query.andWhere('wo.customerId = :customerId', { customerId: args.customerId });
    if (args.awaitingBackup !== undefined && args.awaitingBackup !== null)
      query.andWhere('wo.awaitingBackup = :awaitingBackup', { awaitingBackup: args.awaitingBackup });
    return keysetPage(query, 'wo', args, 'ASC');
  }

  /**
   * The engineers who completed each customer's jobs (completed or verified), the most recent first: what
   * a customer 360 shows as "who served them", one query for any number of customers.
   */
  async engineersWhoServed(customerIds: readonly string[]): Promise<{ customerId: string; engineerId: string }[]> {
    const ids = onlyUuids(customerIds);
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT customer_id AS "customerId", engineer_id AS "engineerId"
         FROM work_order
        WHERE customer_id = ANY($1::uuid[]) AND engineer_id IS NOT NULL AND status IN ('COMPLETED', 'VERIFIED')
        GROUP BY customer_id, engineer_id
        ORDER BY max(completed_at) DESC NULLS LAST, engineer_id`,
      [ids],
    );
  }
}
