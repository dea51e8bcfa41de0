import { DataSource, EntityManager } from 'typeorm';
import { CompensationApproved } from '@aftercare/event-contracts';
import type { Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findReferencing, onlyUuids } from '@aftercare/persistence';
import { badInput, DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintsService } from '../complaints/complaints.service';
import { SlaService } from '../sla/sla.service';
import { Compensation } from './compensation.entity';
import { ProposeCompensationInput } from './compensation.inputs';

/** An agent proposes compensation, a supervisor approves or rejects it; approval is what engineer-network acts on. */
@Injectable()
export class CompensationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly complaints: ComplaintsService,
    private readonly sla: SlaService,
  ) {}

  /** Compensation puts the complaint under the 48-hour opinion rule if it was not already. */
  async propose(identity: Identity, complaintId: string, input: ProposeCompensationInput): Promise<Compensation> {
    let proposed: Compensation | null = null;
    await this.complaints.change(identity, complaintId, 'proposeCompensation', async (manager, complaint, actor, at) => {
      if (input.payer === 'ENGINEER' && !complaint.engineerId) throw badInput('the complaint names no engineer to pay', 'payer');
      proposed = await manager.save(
        manager.create(Compensation, {
          complaintId,
          amountCents: input.amountCents,
          currency: input.currency,
          payer: input.payer,
          reason: input.reason.trim(),
          status: 'PROPOSED',
          proposedBy: actor.id,
          proposedAt: at,
        }),
      );
      if (!complaint.involvesLiability) {
        complaint.involvesLiability = true;
        await this.sla.applyOpinionRule(manager, complaint);
      }
      return { action: 'COMPENSATION_PROPOSED', note: `${input.amountCents} ${input.currency} by ${input.payer}: ${input.reason.trim()}` };
    });
    return proposed!;
  }

  approve(identity: Identity, id: string, note: string | null): Promise<Compensation> {
    return this.decide(identity, id, 'APPROVED', note, async (manager, compensation, complaint, at) => {
      await this.outbox.record(
        manager,
        CompensationApproved.create(complaint.id, {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          workOrderId: complaint.workOrderId,
          engineerId: complaint.engineerId,
          payer: compensation.payer,
          amountCents: compensation.amountCents,
          approvedAt: at.toISOString(),
          compensationId: compensation.id,
          currency: compensation.currency,
          reason: compensation.reason,
        }),
      );
    });
  }

  reject(identity: Identity, id: string, note: string | null): Promise<Compensation> {
    return this.decide(identity, id, 'REJECTED', note, async () => undefined);
  }

  private async decide(
    identity: Identity,
    id: string,
    decision: 'APPROVED' | 'REJECTED',
    note: string | null,
    announce: (manager: EntityManager, compensation: Compensation, complaint: Complaint, at: Date) => Promise<void>,
  ): Promise<Compensation> {
    const [known] = onlyUuids([id]).length ? await this.dataSource.getRepository(Compensation).findBy({ id }) : [];
    if (!known) throw notFound('Compensation', id);
    let decided: Compensation | null = null;
    await this.complaints.change(identity, known.complaintId, 'decideCompensation', async (manager, complaint, actor, at) => {
      // The complaint's lock serialises decisions, so this read sees any decision made meanwhile.
      const compensation = await manager.getRepository(Compensation).findOneByOrFail({ id });
      if (compensation.status !== 'PROPOSED') {
        throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `The compensation is already ${compensation.status}`, {
          compensationId: id,
          status: compensation.status,
        });
      }
      compensation.status = decision;
      compensation.decidedBy = actor.id;
      compensation.decidedAt = at;
      compensation.decisionNote = note?.trim() || null;
      decided = await manager.save(compensation);
      await announce(manager, compensation, complaint, at);
      return {
        action: decision === 'APPROVED' ? 'COMPENSATION_APPROVED' : 'COMPENSATION_REJECTED',
        note: `${compensation.amountCents} ${compensation.currency} by ${compensation.payer}${compensation.decisionNote ? `: ${compensation.decisionNote}` : ''}`,
      };
    });
    return decided!;
  }

  ofComplaints(complaintIds: readonly string[]): Promise<Compensation[]> {
    return findReferencing(this.dataSource.getRepository(Compensation), 'complaintId', complaintIds, { proposedAt: 'ASC' });
  }
}
