import { DataSource, EntityManager, In } from 'typeorm';
import { ComplaintFiled, ComplaintReopened, ComplaintResolved, LiabilityDetermined, LiabilityParty } from '@aftercare/event-contracts';
import { Actor, actorOf, type Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, lockUntilCommit, onlyUuids } from '@aftercare/persistence';
import { ComplaintsErrorCodes } from '@aftercare/error-codes';
import { badInput, Connection, DomainError, Injectable, keysetPage, notFound } from '@aftercare/subgraph';
import { Compensation } from '../compensation/compensation.entity';
import { CustomerCard } from '../read-models/customer-card.entity';
import { OrderFact } from '../read-models/order-fact.entity';
import { WorkOrderFact } from '../read-models/work-order-fact.entity';
import { SlaService } from '../sla/sla.service';
import { BrandInsurance } from './brand-insurance.entity';
import { Complaint, ComplaintStatus, OPEN_STATUSES } from './complaint.entity';
import { ComplaintAction, ComplaintStep } from './complaint-step.entity';
import { complaintLifecycle, ComplaintMove } from './lifecycle';
import {
  CloseComplaintInput,
  DetermineLiabilityInput,
  FileComplaintInput,
  GiveOpinionInput,
  InboxArgs,
  RecordContactInput,
  ResolveComplaintInput,
} from './complaint.inputs';

/** The columns each field a resolver computes on a complaint reads (every other field is a column of its own). */
const COMPLAINT_FIELD_READS = { customer: ['customerId'], steps: ['id'], slaClocks: ['id'], opinionDueAt: ['id'], compensations: ['id'] };

/** Who answers for each kind of liability inside the company, unless the agent names someone else. */
const DEPARTMENT_OF: Record<LiabilityParty, string> = {
  PRODUCT: 'Brand liaison',
  INSTALLATION: 'Field service',
  SALES: 'Sales',
  LOGISTICS: 'Logistics',
  CUSTOMER: 'Customer care',
};

/** A little slack for clocks that disagree: "received at" may not be in the future, but a second ahead is the same moment. */
const CLOCK_SKEW_MS = 60_000;

interface StepRecord {
  action: ComplaintAction;
  fromStatus: ComplaintStatus | null;
  note?: string | null;
  proposedSolution?: string | null;
}

/** Intake and the lifecycle: every change is a step on record, and its event commits with it. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sla: SlaService,
  ) {}

  /**
   * Takes a complaint in. The customer, order and work order must be known from sales' and dispatch's
   * events; brand, model and engineer come from them. The same problem again (same customer and work
   * order, still open) is recorded on the first complaint instead of counted twice.
   */
  file(identity: Identity, input: FileComplaintInput): Promise<Complaint> {
    const now = new Date();
    const receivedAt = input.receivedAt ?? now;
    if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw badInput('receivedAt may not be in the future', 'receivedAt');
    }
    const actor = actorOf(identity);
    return this.dataSource.transaction(async (manager) => {
      const { order, workOrder } = await this.linked(manager, input);
      if (workOrder) {
        const repeated = await this.repeatedIntake(manager, input, workOrder.id, actor, now);
        if (repeated) return repeated;
      }
      const repository = manager.getRepository(Complaint);
      const complaint = await repository.save(
        repository.create({
          category: input.category,
          channel: input.channel,
          priority: input.priority,
          status: 'RECEIVED',
          customerId: input.customerId,
          orderId: order?.id ?? null,
          workOrderId: workOrder?.id ?? null,
          brand: workOrder?.brand ?? order?.brand ?? null,
          productModel: workOrder?.productModel ?? order?.productModel ?? null,
          engineerId: workOrder?.engineerId ?? null,
          summary: input.summary.trim(),
          proposedSolution: input.proposedSolution.trim(),
          involvesLiability: input.involvesLiability,
          receivedAt,
        }),
      );
      const opinionDueAt = await this.sla.start(manager, complaint);
      await this.step(manager, complaint, actor, now, {
        action: 'FILED',
        fromStatus: null,
        note: complaint.summary,
        proposedSolution: complaint.proposedSolution,
      });
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
          opinionDueAt: complaint.involvesLiability ? (opinionDueAt?.toISOString() ?? null) : null,
          channel: complaint.channel,
          brand: complaint.brand,
          productModel: complaint.productModel,
          engineerId: complaint.engineerId,
        }),
      );
      return complaint;
    });
  }

  private async linked(manager: EntityManager, input: FileComplaintInput): Promise<{ order: OrderFact | null; workOrder: WorkOrderFact | null }> {
    const [customer] = await findByIds(manager.getRepository(CustomerCard), [input.customerId]);
    if (!customer) throw notFound('Customer', input.customerId);
    const [workOrder] = input.workOrderId ? await findByIds(manager.getRepository(WorkOrderFact), [input.workOrderId]) : [];
    if (input.workOrderId && !workOrder) throw notFound('WorkOrder', input.workOrderId);
    if (workOrder && workOrder.customerId !== input.customerId) throw badInput("the work order is not this customer's", 'workOrderId');
    const orderId = input.orderId ?? workOrder?.orderId ?? null;
    const [order] = orderId ? await findByIds(manager.getRepository(OrderFact), [orderId]) : [];
    if (input.orderId && !order) throw notFound('Order', input.orderId);
    if (order && order.customerId !== input.customerId) throw badInput("the order is not this customer's", 'orderId');
    if (input.orderId && workOrder?.orderId && workOrder.orderId !== input.orderId) throw badInput('the work order belongs to another order', 'workOrderId');
    return { order: order ?? null, workOrder: workOrder ?? null };
  }

  private async repeatedIntake(manager: EntityManager, input: FileComplaintInput, workOrderId: string, actor: Actor, at: Date): Promise<Complaint | null> {
    // The lock serialises two agents taking the same call at once: the second sees the first's complaint.
    await lockUntilCommit(manager, 'complaints:intake', [`${input.customerId}:${workOrderId}`]);
    const open = await manager.getRepository(Complaint).findOne({
      where: { customerId: input.customerId, workOrderId, status: In([...OPEN_STATUSES]) },
      order: { receivedAt: 'ASC' },
    });
    if (!open) return null;
    open.intakeCount += 1;
    await manager.update(Complaint, { id: open.id }, { intakeCount: open.intakeCount });
    await this.step(manager, open, actor, at, { action: 'REPEATED_INTAKE', fromStatus: open.status, note: `${input.channel}: ${input.summary.trim()}` });
    return open;
  }

  assign(identity: Identity, id: string, assigneeId: string): Promise<Complaint> {
    return this.change(identity, id, 'assign', async (_manager, complaint, actor) => {
      complaint.assigneeId = assigneeId === 'me' ? actor.id : assigneeId;
      return { action: 'ASSIGNED', note: complaint.assigneeId };
    });
  }

  /** A contact with the customer; the first one moves RECEIVED to CONTACTED and meets the first-contact target. */
  recordContact(identity: Identity, id: string, input: RecordContactInput): Promise<Complaint> {
    return this.change(identity, id, 'recordContact', async (manager, complaint, _actor, at) => {
      if (complaint.status === 'RECEIVED') {
        complaint.status = 'CONTACTED';
        complaint.contactedAt = at;
        await this.sla.stop(manager, complaint.id, ['FIRST_CONTACT'], at);
      }
      if (input.proposedSolution) complaint.proposedSolution = input.proposedSolution.trim();
      return { action: 'CONTACTED', note: input.content.trim(), proposedSolution: input.proposedSolution?.trim() ?? null };
    });
  }

  startInvestigation(identity: Identity, id: string, note: string | null): Promise<Complaint> {
    return this.change(identity, id, 'startInvestigation', async () => {
      return { action: 'INVESTIGATION_STARTED', note };
    });
  }

  /** Waiting on the customer (a photo, a visit date): the clocks pause until they answer. */
  waitForCustomer(identity: Identity, id: string, note: string): Promise<Complaint> {
    return this.change(identity, id, 'waitForCustomer', async (manager, complaint, _actor, at) => {
      if (complaint.waitingOnCustomerSince)
        throw new DomainError(ComplaintsErrorCodes.ALREADY_WAITING_ON_CUSTOMER, 'The complaint is already waiting on the customer', { complaintId: id });
      complaint.waitingOnCustomerSince = at;
      await this.sla.pause(manager, complaint.id, at);
      return { action: 'WAITING_ON_CUSTOMER', note };
    });
  }

  customerResponded(identity: Identity, id: string, note: string): Promise<Complaint> {
    return this.change(identity, id, 'customerResponded', async (manager, complaint, _actor, at) => {
      if (!complaint.waitingOnCustomerSince)
        throw new DomainError(ComplaintsErrorCodes.NOT_WAITING_ON_CUSTOMER, 'The complaint is not waiting on the customer', { complaintId: id });
      complaint.waitingOnCustomerSince = null;
      await this.sla.resume(manager, complaint.id, at);
      return { action: 'CUSTOMER_RESPONDED', note };
    });
  }

  /**
   * Who is liable, once per complaint. Installation liability names the engineer and asks dispatch for a
   * rework; product liability goes back to the brand with whether the brand is insured.
   */
  determineLiability(identity: Identity, id: string, input: DetermineLiabilityInput): Promise<Complaint> {
    return this.change(identity, id, 'determineLiability', async (manager, complaint, _actor, at) => {
      if (complaint.liability)
        throw new DomainError(ComplaintsErrorCodes.LIABILITY_ALREADY_DETERMINED, 'Liability for this complaint is already determined', {
          complaintId: id,
          liability: complaint.liability,
        });
      if (input.liability === 'INSTALLATION' && !complaint.workOrderId)
        throw badInput('installation liability needs the complaint to name the work order', 'liability');
      const insurance =
        input.liability === 'PRODUCT' && complaint.brand ? await manager.getRepository(BrandInsurance).findOneBy({ brand: complaint.brand }) : null;
      complaint.liability = input.liability;
      complaint.responsibleDepartment = input.responsibleDepartment?.trim() ?? DEPARTMENT_OF[input.liability];
      complaint.responsiblePerson = input.responsiblePerson?.trim() ?? (input.liability === 'INSTALLATION' ? complaint.engineerId : null);
      complaint.brandInsured = input.liability === 'PRODUCT' ? (insurance?.insured ?? false) : null;
      if (!complaint.involvesLiability) {
        complaint.involvesLiability = true;
        await this.sla.applyOpinionRule(manager, complaint);
      }
      await this.outbox.record(
        manager,
        LiabilityDetermined.create(complaint.id, {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          workOrderId: complaint.workOrderId,
          liability: input.liability,
          engineerId: input.liability === 'INSTALLATION' ? complaint.engineerId : null,
          reworkRequired: input.liability === 'INSTALLATION',
          brand: complaint.brand,
          productModel: complaint.productModel,
          responsibleDepartment: complaint.responsibleDepartment,
          responsiblePerson: complaint.responsiblePerson,
          brandInsured: complaint.brandInsured,
          determinedAt: at.toISOString(),
        }),
      );
      return { action: 'LIABILITY_DETERMINED', note: `${input.liability}: ${input.finding.trim()}` };
    });
  }

  giveOpinion(identity: Identity, id: string, input: GiveOpinionInput): Promise<Complaint> {
    return this.change(identity, id, 'giveOpinion', async (manager, complaint, _actor, at) => {
      complaint.opinion = input.opinion.trim();
      complaint.opinionGivenAt = at;
      if (input.proposedSolution) complaint.proposedSolution = input.proposedSolution.trim();
      await this.sla.stop(manager, complaint.id, ['OPINION', 'FIRST_CONTACT'], at);
      return { action: 'OPINION_GIVEN', note: complaint.opinion, proposedSolution: input.proposedSolution?.trim() ?? null };
    });
  }

  /** Resolved: the engineer's held pay is released. With liability involved, only after an opinion. */
  resolve(identity: Identity, id: string, input: ResolveComplaintInput): Promise<Complaint> {
    return this.change(identity, id, 'resolve', async (manager, complaint, _actor, at, fromStatus) => {
      if (fromStatus !== 'OPINION_GIVEN' && (complaint.involvesLiability || complaint.liability)) {
        throw new DomainError(ComplaintsErrorCodes.OPINION_REQUIRED, 'Liability or compensation is involved: give the handling opinion before resolving', {
          complaintId: id,
        });
      }
      if (complaint.channel === 'REVIEW_SITE' && (input.reviewWithdrawn === null || input.reviewWithdrawn === undefined)) {
        throw badInput('a review-site complaint records whether the review was withdrawn', 'reviewWithdrawn');
      }
      complaint.resolution = input.resolution.trim();
      complaint.resolvedAt = at;
      complaint.reviewWithdrawn = complaint.channel === 'REVIEW_SITE' ? Boolean(input.reviewWithdrawn) : null;
      if (complaint.waitingOnCustomerSince) complaint.waitingOnCustomerSince = null;
      await this.sla.stop(manager, complaint.id, ['FIRST_CONTACT', 'OPINION', 'RESOLUTION'], at);
      await this.outbox.record(
        manager,
        ComplaintResolved.create(complaint.id, {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          workOrderId: complaint.workOrderId,
          satisfaction: null,
          resolvedAt: at.toISOString(),
          liability: complaint.liability,
          engineerId: complaint.engineerId,
        }),
      );
      return { action: 'RESOLVED', note: complaint.resolution };
    });
  }

  /** Closed with the customer's verdict; never with a compensation still waiting for a supervisor. */
  close(identity: Identity, id: string, input: CloseComplaintInput): Promise<Complaint> {
    return this.change(identity, id, 'close', async (manager, complaint, actor, at) => {
      const pending = await manager.getRepository(Compensation).countBy({ complaintId: id, status: 'PROPOSED' });
      if (pending > 0)
        throw new DomainError(ComplaintsErrorCodes.COMPENSATION_PENDING, 'A compensation is still waiting for a supervisor', { complaintId: id });
      complaint.closedAt = at;
      complaint.closedBy = actor.id;
      complaint.satisfaction = input.satisfaction;
      complaint.customerAccepted = input.customerAccepted;
      return {
        action: 'CLOSED',
        note: [`satisfaction ${input.satisfaction}/5`, input.customerAccepted ? 'accepted' : 'not accepted', input.note?.trim()].filter(Boolean).join('; '),
      };
    });
  }

  /** Back to investigation with a new resolution clock; engineer-network holds the job's pay again. */
  reopen(identity: Identity, id: string, reason: string): Promise<Complaint> {
    return this.change(identity, id, 'reopen', async (manager, complaint, _actor, at) => {
      complaint.reopenCount += 1;
      complaint.resolvedAt = null;
      complaint.closedAt = null;
      complaint.closedBy = null;
      await this.sla.restartResolution(manager, complaint, complaint.reopenCount, at);
      await this.outbox.record(
        manager,
        ComplaintReopened.create(complaint.id, {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          workOrderId: complaint.workOrderId,
          engineerId: complaint.engineerId,
          reason,
          reopenedAt: at.toISOString(),
        }),
      );
      return { action: 'REOPENED', note: reason };
    });
  }

  /**
   * One change to one complaint: locked, checked against the statuses it may come from, saved with its
   * step, in one transaction with whatever the change records (clocks, events).
   */
  async change(
    identity: Identity,
    id: string,
    move: ComplaintMove,
    apply: (manager: EntityManager, complaint: Complaint, actor: Actor, at: Date, fromStatus: ComplaintStatus) => Promise<Omit<StepRecord, 'fromStatus'>>,
  ): Promise<Complaint> {
    const actor = actorOf(identity);
    return this.dataSource.transaction(async (manager) => {
      const complaint = onlyUuids([id]).length ? await manager.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!complaint) throw notFound('Complaint', id);
      const fromStatus = complaint.status;
      complaint.status = complaintLifecycle.next(complaint, move);
      const at = new Date();
      const step = await apply(manager, complaint, actor, at, fromStatus);
      await manager.save(complaint);
      await this.step(manager, complaint, actor, at, { ...step, fromStatus });
      return complaint;
    });
  }

  private async step(manager: EntityManager, complaint: Complaint, actor: Actor, at: Date, record: StepRecord): Promise<void> {
    await manager.insert(ComplaintStep, {
      complaintId: complaint.id,
      action: record.action,
      fromStatus: record.fromStatus,
      toStatus: complaint.status,
      actorId: actor.id,
      actorName: actor.name,
      at,
      note: record.note ?? null,
      proposedSolution: record.proposedSolution ?? null,
    });
  }

  /** The agent's inbox: open complaints (or one status), newest first, by category, assignee and breach risk. */
  async inbox(identity: Identity, args: InboxArgs): Promise<Connection<Complaint>> {
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder('c');
    if (args.status) query.where('c.status = :status', { status: args.status });
    else query.where('c.status IN (:...open)', { open: OPEN_STATUSES });
    if (args.category) query.andWhere('c.category = :category', { category: args.category });
    if (args.assigneeId) query.andWhere('c.assigneeId = :assigneeId', { assigneeId: args.assigneeId === 'me' ? actorOf(identity).id : args.assigneeId });
    if (args.breachRisk === 'BREACHED') {
      query.andWhere('EXISTS (SELECT 1 FROM sla_clock k WHERE k.complaint_id = c.id AND k.stopped_at IS NULL AND k.breached_at IS NOT NULL)');
    } else if (args.breachRisk === 'AT_RISK') {
      query.andWhere(
        'EXISTS (SELECT 1 FROM sla_clock k WHERE k.complaint_id = c.id AND k.stopped_at IS NULL AND k.paused_at IS NULL AND k.breached_at IS NULL AND k.warn_at <= now())',
      );
    }
    return keysetPage(query, 'c', args, 'DESC');
  }

  findByIds(ids: readonly string[]): Promise<Complaint[]> {
    return findByIds(this.dataSource.getRepository(Complaint), ids);
  }

  /** Newest first; given the fields asked of each complaint, only the columns they read. */
  findReferencing(column: 'customerId' | 'orderId' | 'workOrderId' | 'engineerId', ids: readonly string[], fields?: Iterable<string>): Promise<Complaint[]> {
    return findReferencing(this.dataSource.getRepository(Complaint), column, ids, { receivedAt: 'DESC' }, fields && { fields, readBy: COMPLAINT_FIELD_READS });
  }

  stepsOf(complaintIds: readonly string[]): Promise<ComplaintStep[]> {
    return findReferencing(this.dataSource.getRepository(ComplaintStep), 'complaintId', complaintIds, { at: 'ASC' });
  }
}
