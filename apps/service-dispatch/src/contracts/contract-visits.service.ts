import { DataSource, EntityManager } from 'typeorm';
import type { ContractSignedPayload, EventEnvelope } from '@aftercare/event-contracts';
import { Injectable } from '@aftercare/subgraph';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { ServiceContract } from './service-contract.entity';
import { monthBounds, visitDays } from './visit-plan';

/** Turns the visit frequency a contract promises into scheduled service visit work orders, a month at a time. */
@Injectable()
export class ContractVisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workOrders: WorkOrdersService,
  ) {}

  /** A reviewed, active contract: kept for later months, and its first month planned at once. */
  async contractSigned({ payload }: EventEnvelope<string, ContractSignedPayload>, manager: EntityManager): Promise<void> {
    const contract = manager.getRepository(ServiceContract).create({
      contractId: payload.contractId,
      customerId: payload.customerId,
      city: payload.city,
      siteAddress: payload.siteAddress,
      visitsPerMonth: Math.max(0, Math.round(payload.visitsPerMonth)),
      startsOn: payload.startsOn,
    });
    await manager.getRepository(ServiceContract).save(contract);
    await this.plan(manager, contract, payload.startsOn.slice(0, 7));
  }

  /** Plans every contract's visits of the month; visits already planned are not planned again. Returns how many were added. */
  planMonth(month: string, actor: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const contracts = await manager
        .getRepository(ServiceContract)
        .createQueryBuilder('c')
        .where('c.startsOn <= :last', { last: monthBounds(month).last })
        .getMany();
      let added = 0;
      for (const contract of contracts) added += await this.plan(manager, contract, month, actor);
      return added;
    });
  }

  private async plan(manager: EntityManager, contract: ServiceContract, month: string, actor = 'contract-signed'): Promise<number> {
    let added = 0;
    for (const [visit, day] of visitDays(month, contract.startsOn, contract.visitsPerMonth).entries()) {
      const created = await this.workOrders.create(
        manager,
        {
          type: 'SCHEDULED_SERVICE_VISIT',
          // One visit per contract, month and ordinal: replanning a month or a republished ContractSigned adds nothing.
          sourceRef: `contract:${contract.contractId}:${month}:${visit + 1}`,
          contractId: contract.contractId,
          customerId: contract.customerId,
          city: contract.city,
          siteAddress: contract.siteAddress,
          preferredDate: day,
        },
        actor,
      );
      if (created) added += 1;
    }
    return added;
  }
}
