import { EntityManager } from 'typeorm';
import type { EventEnvelope, LiabilityDeterminedPayload, ReplacementOrderedPayload } from '@aftercare/event-contracts';
import { onlyUuids } from '@aftercare/persistence';
import { Injectable } from '@aftercare/subgraph';
import { WorkOrder } from './work-order.entity';
import { WorkOrdersService } from './work-orders.service';

/** Work orders other services ask for through their events; each carries its source's natural key, so a republished event adds nothing. */
@Injectable()
export class WorkOrderSourcesService {
  constructor(private readonly workOrders: WorkOrdersService) {}

  /** Value-added sold consumables: an engineer goes to replace the stages and collect payment. */
  async replacementOrdered({ payload }: EventEnvelope<string, ReplacementOrderedPayload>, manager: EntityManager): Promise<void> {
    await this.workOrders.create(
      manager,
      {
        type: 'CONSUMABLE_REPLACEMENT',
        sourceRef: `replacement:${payload.replacementOrderId}`,
        // Sales records the value-added order under the same id, so the job shows on the order and its
        // completion or cancellation finds its way back to sales and value-added.
        orderId: payload.replacementOrderId,
        customerId: payload.customerId,
        city: payload.city,
        siteAddress: payload.address,
        brand: payload.brand,
        productModel: payload.productModel,
        serial: payload.serial ?? null,
        stages: payload.stages,
        // The engineer collects on site: the amount as ordered, and each stage's share of it in case one is refused.
        stagePrices: payload.stagePrices ?? [],
        amountDueCents: payload.amountCents,
        preferredDate: payload.preferredDate,
      },
      'replacement-ordered',
    );
  }

  /** Installation liability with rework: the job is done again at the same site. */
  async liabilityDetermined({ payload }: EventEnvelope<string, LiabilityDeterminedPayload>, manager: EntityManager): Promise<void> {
    if (!payload.reworkRequired || !payload.workOrderId) return;
    const [id] = onlyUuids([payload.workOrderId]);
    const original = id ? await manager.getRepository(WorkOrder).findOneBy({ id }) : null;
    // A work order we never had has no site to go back to; complaints will see no rework appear.
    if (!original) return;
    await this.workOrders.create(
      manager,
      {
        type: 'REWORK',
        sourceRef: `rework:${payload.complaintId}`,
        orderId: original.orderId,
        contractId: original.contractId,
        partnerId: original.partnerId,
        customerId: original.customerId,
        city: original.city,
        siteAddress: original.siteAddress,
        brand: payload.brand ?? original.brand,
        productModel: payload.productModel ?? original.productModel,
        distanceKm: original.distanceKm,
        distanceBasis: original.distanceBasis,
      },
      'liability-determined',
    );
  }
}
