import { DataSource } from 'typeorm';
import { ComplaintFiled } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { Complaint } from './complaint.entity';
import { FileComplaintInput } from './complaint.inputs';
import { opinionDueAt } from './opinion-deadline';

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Records the complaint and announces it in one transaction, so no filed complaint goes unannounced. */
  file(input: FileComplaintInput): Promise<Complaint> {
    const receivedAt = new Date();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Complaint);
      const complaint = await repository.save(
        repository.create({
          category: input.category,
          status: 'RECEIVED',
          customerId: input.customerId,
          orderId: input.orderId ?? null,
          workOrderId: input.workOrderId ?? null,
          summary: input.summary.trim(),
          involvesLiability: input.involvesLiability,
          opinionDueAt: opinionDueAt(receivedAt, input.involvesLiability),
          receivedAt,
        }),
      );
      await this.outbox.record(
        manager,
        ComplaintFiled.create(complaint.id, {
          complaintId: complaint.id,
          category: complaint.category,
          customerId: complaint.customerId,
          orderId: complaint.orderId,
          workOrderId: complaint.workOrderId,
          involvesLiability: complaint.involvesLiability,
          receivedAt: complaint.receivedAt.toISOString(),
          opinionDueAt: complaint.opinionDueAt?.toISOString() ?? null,
        }),
      );
      return complaint;
    });
  }

  findByIds(ids: readonly string[]): Promise<Complaint[]> {
    return findByIds(this.dataSource.getRepository(Complaint), ids);
  }

  findByCustomerIds(customerIds: readonly string[]): Promise<Complaint[]> {
    return findReferencing(this.dataSource.getRepository(Complaint), 'customerId', customerIds, { receivedAt: 'DESC' });
  }
}
