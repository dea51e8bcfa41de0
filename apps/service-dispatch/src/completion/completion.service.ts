import { DataSource } from 'typeorm';
import { chinaDate } from '@aftercare/business-time';
import { AreaMeasured, WorkOrderCompleted, WorkOrderVerified } from '@aftercare/event-contracts';
import { actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { badInput, DomainError, ErrorCodes, Injectable } from '@aftercare/subgraph';
import { QualityService } from '../quality/quality.service';
import { factsOf } from '../work-orders/work-order-facts';
import { WorkOrder } from '../work-orders/work-order.entity';
import { WorkOrdersService } from '../work-orders/work-orders.service';
import { CompletionRecord } from './completion-record.entity';
import { CompleteWorkOrderInput, RecordReturnVisitInput } from './completion.inputs';
import { ReturnVisit } from './return-visit.entity';

/** The callback is made the day after the job, when the customer has lived with it for a day. */
const RETURN_VISIT_AFTER_DAYS = 1;

/** The China-time day `days` after the instant: the business's calendar, like every other day in dispatch. */
function daysFrom(date: Date, days: number): string {
  return chinaDate(new Date(date.getTime() + days * 86_400_000));
}

@Injectable()
export class CompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly workOrders: WorkOrdersService,
    private readonly quality: QualityService,
  ) {}

  /** The engineer records what happened on site; a callback task is opened and the completion announced. */
  complete(input: CompleteWorkOrderInput, identity: Identity): Promise<WorkOrder> {
    return this.workOrders.acting(input.workOrderId, identity, async (manager, workOrder) => {
      if (workOrder.type === 'INSTALL' && !input.installedSerial) throw badInput('An install records the serial of the machine installed', 'installedSerial');
      if (input.refusedAtDoor && (input.replacedStages?.length || input.paymentCollectedCents > 0 || input.refusedAmountCents)) {
        throw badInput('A customer who refused at the door had nothing replaced and paid nothing', 'refusedAtDoor');
      }
      const completedAt = new Date();
      const completed = await this.workOrders.apply(manager, workOrder, { move: 'complete', actor: actorOf(identity).id, changes: { completedAt } });
      const record = manager.getRepository(CompletionRecord).create({
        workOrderId: completed.id,
        installedSerial: input.installedSerial?.trim() ?? null,
        measuredAreaM2: input.measuredAreaM2 ?? null,
        replacedStages: (input.replacedStages ?? []).map((stage) => stage.trim()),
        paymentCollectedCents: input.paymentCollectedCents,
        refusedAtDoor: input.refusedAtDoor ?? false,
        paymentRefused: Boolean(input.refusedAmountCents),
        refusedAmountCents: input.refusedAmountCents ?? 0,
        removedMachine: input.removedMachine ? { brand: input.removedMachine.brand.trim(), reason: input.removedMachine.reason.trim() } : null,
        photoRefs: (input.photoRefs ?? []).map((ref) => ref.trim()),
        notes: input.notes?.trim() || null,
      });
      await manager.getRepository(CompletionRecord).save(record);
      await manager.insert(ReturnVisit, { workOrderId: completed.id, dueOn: daysFrom(completedAt, RETURN_VISIT_AFTER_DAYS) });
      await this.outbox.record(
        manager,
        WorkOrderCompleted.create(completed.id, {
          ...factsOf(completed),
          engineerId: completed.engineerId as string,
          completedAt: completedAt.toISOString(),
          measuredAreaM2: record.measuredAreaM2,
          paymentCollectedCents: record.paymentCollectedCents,
          paymentRefused: record.paymentRefused,
          serial: record.installedSerial ?? completed.serial,
          siteAddress: completed.siteAddress,
          replacedStages: record.replacedStages,
          refusedAtDoor: record.refusedAtDoor,
          // Ordered against replaced, due against collected: what the customer refused on site shows to value-added.
          orderedStages: completed.stages,
          amountDueCents: completed.amountDueCents,
        }),
        // Sales compares it with the signed area and decides on its tolerance.
        ...(completed.contractId && record.measuredAreaM2 !== null
          ? [
              AreaMeasured.create(completed.id, {
                workOrderId: completed.id,
                contractId: completed.contractId,
                customerId: completed.customerId,
                measuredAreaM2: record.measuredAreaM2,
              }),
            ]
          : []),
      );
      await this.quality.refreshCustomer(manager, completed.customerId);
      return completed;
    });
  }

  /**
   * The callback's result: OK verifies the work order, which is what releases the engineer's pay; a problem
   * or a payment dispute reopens it for the same engineer.
   */
  recordReturnVisit(input: RecordReturnVisitInput, identity: Identity): Promise<WorkOrder> {
    return this.workOrders.acting(input.workOrderId, identity, async (manager, workOrder) => {
      const open = await manager
        .getRepository(ReturnVisit)
        .createQueryBuilder('rv')
        .where('rv.workOrderId = :id AND rv.outcome IS NULL', { id: workOrder.id })
        .getOne();
      if (!open) {
        throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `Work order ${workOrder.id} is ${workOrder.status}; it has no return visit to record`, {
          workOrderId: workOrder.id,
          status: workOrder.status,
        });
      }
      const notes = input.notes?.trim() || null;
      await manager.update(ReturnVisit, { id: open.id }, { outcome: input.outcome, notes, recordedBy: actorOf(identity).id, recordedAt: new Date() });
      if (input.outcome === 'OK') {
        const verified = await this.workOrders.apply(manager, workOrder, { move: 'verify', actor: actorOf(identity).id, reason: notes });
        const completion = await manager.getRepository(CompletionRecord).findOneBy({ workOrderId: verified.id });
        await this.outbox.record(
          manager,
          WorkOrderVerified.create(verified.id, {
            ...factsOf(verified),
            engineerId: verified.engineerId as string,
            verifiedAt: new Date().toISOString(),
            distanceKm: verified.distanceKm,
            // Settlement shows what the engineer was to collect against what they did.
            amountDueCents: verified.amountDueCents,
            amountCollectedCents: completion?.paymentCollectedCents ?? null,
          }),
        );
        return verified;
      }
      const reopened = await this.workOrders.apply(manager, workOrder, {
        move: 'reopen',
        actor: actorOf(identity).id,
        reason: notes ? `${input.outcome}: ${notes}` : input.outcome,
        changes: { completedAt: null },
      });
      await this.quality.refreshCustomer(manager, reopened.customerId);
      return reopened;
    });
  }

  returnVisitsDue(onOrBefore: string): Promise<ReturnVisit[]> {
    return this.dataSource
      .getRepository(ReturnVisit)
      .createQueryBuilder('rv')
      .where('rv.outcome IS NULL AND rv.dueOn <= :onOrBefore', { onOrBefore })
      .orderBy('rv.dueOn', 'ASC')
      .addOrderBy('rv.createdAt', 'ASC')
      .getMany();
  }

  completionsOf(workOrderIds: readonly string[]): Promise<CompletionRecord[]> {
    return this.dataSource.getRepository(CompletionRecord).createQueryBuilder('c').where('c.workOrderId = ANY(:ids)', { ids: workOrderIds }).getMany();
  }
}
