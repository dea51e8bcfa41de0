import { DataSource, EntityManager } from 'typeorm';
import { ContractDisputedPayload, DisputeOpened, DisputeRuled, EventEnvelope } from '@aftercare/event-contracts';
import { actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, onlyUuids } from '@aftercare/persistence';
import { ComplaintsErrorCodes } from '@aftercare/error-codes';
import { DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { ContractFact } from '../read-models/contract-fact.entity';
import { CustomerCard } from '../read-models/customer-card.entity';
import { Dispute, DisputeEvidence, DisputeStatus } from './dispute.entity';
import { FileEvidenceInput, OpenDisputeInput, RuleDisputeInput } from './dispute.inputs';

/**
 * The investigation group: sales-versus-service disputes over a contract, with evidence from both sides
 * and a supervisor's ruling. Nothing here stops service to the customer.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Sales found the measured area beyond tolerance: the dispute opens by itself (once per contract and reason). */
  async fromContractDisputed(event: EventEnvelope<'ContractDisputed', ContractDisputedPayload>, manager: EntityManager): Promise<void> {
    const { payload } = event;
    const existing = await manager
      .getRepository(Dispute)
      .findOne({ where: { contractId: payload.contractId, reason: payload.reason, status: 'OPEN' }, lock: { mode: 'pessimistic_write' } });
    if (existing) {
      if (payload.workOrderId && !existing.workOrderIds.includes(payload.workOrderId)) {
        await manager.update(Dispute, { id: existing.id }, { workOrderIds: [...existing.workOrderIds, payload.workOrderId] });
      }
      return;
    }
    await this.open(manager, {
      contractId: payload.contractId,
      customerId: payload.customerId,
      reason: payload.reason,
      signedAreaM2: payload.signedAreaM2,
      measuredAreaM2: payload.measuredAreaM2,
      workOrderIds: payload.workOrderId ? [payload.workOrderId] : [],
      description: payload.reason === 'AREA_MISMATCH' ? `Measured ${payload.measuredAreaM2} m² against ${payload.signedAreaM2} m² signed` : null,
      openedBy: event.source,
      openedAt: new Date(event.occurredAt),
    });
  }

  /**
   * By hand, for a bundled item or an over-promise, about a contract sales signed for this customer (known from its
   * events). DisputeOpened tells sales, which marks the contract disputed until the ruling.
   */
  openByHand(identity: Identity, input: OpenDisputeInput): Promise<Dispute> {
    return this.dataSource.transaction(async (manager) => {
      const [customer] = await findByIds(manager.getRepository(CustomerCard), [input.customerId]);
      if (!customer) throw notFound('Customer', input.customerId);
      const [contract] = await findByIds(manager.getRepository(ContractFact), [input.contractId]);
      // Another customer's contract is not found for this customer either: the pair is what is disputed.
      if (!contract || contract.customerId !== input.customerId) throw notFound('Contract', input.contractId);
      const existing = await manager.getRepository(Dispute).findOneBy({ contractId: input.contractId, reason: input.reason, status: 'OPEN' });
      if (existing)
        throw new DomainError(ComplaintsErrorCodes.DISPUTE_ALREADY_OPEN, 'This contract already has an open dispute for that reason', {
          disputeId: existing.id,
        });
      return this.open(manager, {
        contractId: input.contractId,
        customerId: input.customerId,
        reason: input.reason,
        signedAreaM2: null,
        measuredAreaM2: null,
        workOrderIds: [...new Set(input.workOrderIds)],
        description: input.description.trim(),
        openedBy: actorOf(identity).id,
        openedAt: new Date(),
      });
    });
  }

  private async open(manager: EntityManager, fields: Partial<Dispute>): Promise<Dispute> {
    const dispute = await manager.save(manager.create(Dispute, { ...fields, status: 'OPEN' }));
    await this.outbox.record(
      manager,
      DisputeOpened.create(dispute.id, {
        disputeId: dispute.id,
        contractId: dispute.contractId,
        customerId: dispute.customerId,
        reason: dispute.reason,
        workOrderIds: dispute.workOrderIds,
        openedAt: dispute.openedAt.toISOString(),
      }),
    );
    return dispute;
  }

  fileEvidence(identity: Identity, disputeId: string, input: FileEvidenceInput): Promise<DisputeEvidence> {
    return this.withOpenDispute(disputeId, 'given evidence', (manager) =>
      manager.save(
        manager.create(DisputeEvidence, { disputeId, side: input.side, content: input.content.trim(), filedBy: actorOf(identity).id, filedAt: new Date() }),
      ),
    );
  }

  /** A ruling hears both sides: without evidence from sales and from service there is nothing to weigh. */
  rule(identity: Identity, disputeId: string, input: RuleDisputeInput): Promise<Dispute> {
    return this.withOpenDispute(disputeId, 'ruled', async (manager, dispute) => {
      const evidence = await manager.getRepository(DisputeEvidence).findBy({ disputeId });
      const missing = (['SALES', 'SERVICE'] as const).filter((side) => !evidence.some((item) => item.side === side));
      if (missing.length > 0)
        throw new DomainError(ComplaintsErrorCodes.EVIDENCE_MISSING, `No evidence yet from: ${missing.join(', ')}`, { disputeId, missingSides: missing });
      dispute.status = 'RULED';
      dispute.ruling = input.ruling;
      dispute.rulingNote = input.note?.trim() || null;
      dispute.ruledBy = actorOf(identity).id;
      dispute.ruledAt = new Date();
      await manager.save(dispute);
      await this.outbox.record(
        manager,
        DisputeRuled.create(dispute.id, {
          disputeId: dispute.id,
          contractId: dispute.contractId,
          customerId: dispute.customerId,
          ruling: input.ruling,
          ruledAt: dispute.ruledAt.toISOString(),
          workOrderIds: dispute.workOrderIds,
          reason: dispute.reason,
        }),
      );
      return dispute;
    });
  }

  private withOpenDispute<T>(id: string, action: string, work: (manager: EntityManager, dispute: Dispute) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const dispute = onlyUuids([id]).length ? await manager.getRepository(Dispute).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!dispute) throw notFound('Dispute', id);
      if (dispute.status !== 'OPEN')
        throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `A ${dispute.status} dispute cannot be ${action}`, {
          disputeId: id,
          status: dispute.status,
        });
      return work(manager, dispute);
    });
  }

  findByIds(ids: readonly string[]): Promise<Dispute[]> {
    return findByIds(this.dataSource.getRepository(Dispute), ids);
  }

  list(status: DisputeStatus | null | undefined): Promise<Dispute[]> {
    return this.dataSource.getRepository(Dispute).find({ where: status ? { status } : {}, order: { openedAt: 'DESC' }, take: 200 });
  }

  evidenceOf(disputeIds: readonly string[]): Promise<DisputeEvidence[]> {
    return findReferencing(this.dataSource.getRepository(DisputeEvidence), 'disputeId', disputeIds, { filedAt: 'ASC' });
  }
}
