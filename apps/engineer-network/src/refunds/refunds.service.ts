import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, SelfInstallAcceptedPayload, SelfInstallRefundApproved } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { Injectable } from '@aftercare/subgraph';
import { CHINA_TIME_ZONE } from '@aftercare/business-time';
import { SelfInstallRefund } from './self-install-refund.entity';

@Injectable()
export class RefundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * The customer installs it themselves, so the whole install fee goes back: approved as soon as dispatch
   * reports the acceptance, and sales (which took the money) is told to pay it out.
   */
  async approve(accepted: EventEnvelope<'SelfInstallAccepted', SelfInstallAcceptedPayload>, manager: EntityManager): Promise<void> {
    const { payload } = accepted;
    const approvedAt = new Date();
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(SelfInstallRefund)
      .values({
        workOrderId: payload.workOrderId,
        orderId: payload.orderId,
        customerId: payload.customerId,
        city: payload.city,
        amountCents: payload.installFeeCents,
        distanceKm: payload.distanceKm,
        approvedAt,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [refund] = inserted.raw as { id: string }[];
    // The contract names the order sales refunds against; an install without one has nothing to refund there.
    if (!refund || !payload.orderId) return;
    await this.outbox.record(
      manager,
      SelfInstallRefundApproved.create(refund.id, {
        refundId: refund.id,
        orderId: payload.orderId,
        workOrderId: payload.workOrderId,
        customerId: payload.customerId,
        amountCents: payload.installFeeCents,
        approvedAt: approvedAt.toISOString(),
      }),
    );
  }

  approvedBetween(from: string, to: string): Promise<SelfInstallRefund[]> {
    return this.dataSource
      .getRepository(SelfInstallRefund)
      .createQueryBuilder('refund')
      .where(`refund.approvedAt >= (:from::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`, { from })
      .andWhere(`refund.approvedAt < ((:to::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`, { to })
      .orderBy('refund.approvedAt', 'DESC')
      .getMany();
  }
}
