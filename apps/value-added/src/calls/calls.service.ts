import { DataSource, EntityManager } from 'typeorm';
import { addBusinessHours, hotlineCalendar, todayInChina } from '@aftercare/business-time';
import { CallOutcomeRecorded } from '@aftercare/event-contracts';
import { actorOf, hasAnyRole, Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { onlyUuids } from '@aftercare/persistence';
import { ValueAddedErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { CallAgent } from '../agents/agent.entity';
import { distributeOpenTasks } from '../agents/distribution';
import { CustomersService } from '../customers/customers.service';
import { DevicesService } from '../devices/devices.service';
import { ReplacementsService } from '../replacements/replacements.service';
import { CAMPAIGN_RUNNERS } from '../access-table';
import { QueueFilter, ReassignCallTaskInput, RecordCallOutcomeInput } from './call.inputs';
import { CallRecord } from './call-record.entity';
import { CallTask, FOLLOW_UP_PRIORITY } from './call-task.entity';

/** Unanswered calls are tried this many times in all; then the customer is left until the next cycle. */
export const MAX_CALL_ATTEMPTS = 3;
/** An unanswered call is tried again this many hotline hours later: later the same day, or the next morning. */
const RETRY_AFTER_HOTLINE_HOURS = 3;

/** The call queues and what agents record on them. */
@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly customers: CustomersService,
    private readonly devices: DevicesService,
    private readonly replacements: ReplacementsService,
  ) {}

  /**
   * One call's outcome, with notes, who and when; the task, the customer and the device move on
   * accordingly, and CallOutcomeRecorded (and for an order ReplacementOrdered) commit with it.
   */
  recordOutcome(input: RecordCallOutcomeInput, identity: Identity): Promise<CallTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockOpenTask(manager, input.taskId, identity);
      const agentId = actorOf(identity).id;
      const now = new Date();
      const today = todayInChina(now);
      const notes = input.notes?.trim() || null;
      const callBackAt = input.callBackAt ?? addBusinessHours(hotlineCalendar(), now, RETRY_AFTER_HOTLINE_HOURS);
      if (input.callBackAt && input.callBackAt <= now) throw badInput('A call-back time must be in the future', 'callBackAt');
      const call = await manager.getRepository(CallRecord).save({ taskId: task.id, agentId, tier: task.tier, outcome: input.outcome, notes, calledAt: now });
      const changes: Partial<CallTask> = { outcome: input.outcome, attempts: task.attempts + 1, nextAttemptAt: null };
      const close = { status: 'CLOSED' as const, closedAt: now };
      let replacementOrderId: string | null = null;
      switch (input.outcome) {
        case 'NO_ANSWER':
          if (task.attempts + 1 >= MAX_CALL_ATTEMPTS) {
            Object.assign(changes, close);
            await this.devices.remindNextCycle(manager, task.deviceId, today);
          } else changes.nextAttemptAt = callBackAt;
          break;
        case 'DECLINED':
          Object.assign(changes, close);
          await this.customers.mark(manager, task.customerId, 'NOT_INTERESTED');
          await this.devices.remindNextCycle(manager, task.deviceId, today);
          break;
        case 'INTERESTED':
          await this.customers.mark(manager, task.customerId, 'INTERESTED');
          if (task.kind === 'FOLLOW_UP') {
            // Still thinking it over: the sales agent keeps the customer and calls back.
            changes.nextAttemptAt = callBackAt;
          } else {
            Object.assign(changes, close);
            await this.openFollowUp(manager, task, today);
          }
          break;
        case 'ORDERED': {
          const order = await this.replacements.order(manager, task, {
            stages: input.stages ?? task.stages,
            preferredDate: input.preferredDate ?? null,
            agentId,
          });
          replacementOrderId = order.id;
          Object.assign(changes, close, { replacementOrderId });
          await this.customers.mark(manager, task.customerId, 'NOT_INTERESTED');
          break;
        }
        case 'WRONG_NUMBER':
        case 'DO_NOT_CALL':
          Object.assign(changes, close);
          await this.customers.mark(manager, task.customerId, input.outcome);
          // Nobody else calls them either: their other open tasks are withdrawn.
          await manager.query(`UPDATE call_task SET status = 'CANCELLED', closed_at = now() WHERE customer_id = $1 AND status = 'OPEN' AND id <> $2`, [
            task.customerId,
            task.id,
          ]);
          break;
      }
      await manager.update(CallTask, { id: task.id }, changes);
      await this.outbox.record(
        manager,
        CallOutcomeRecorded.create(task.id, {
          callId: call.id,
          taskId: task.id,
          customerId: task.customerId,
          deviceId: task.deviceId,
          agentId,
          outcome: input.outcome,
          notes,
          calledAt: now.toISOString(),
          replacementOrderId,
        }),
      );
      return manager.getRepository(CallTask).findOneByOrFail({ id: task.id });
    });
  }

  /** An interested customer goes to a sales-tier agent, today, ahead of plain reminders. */
  private async openFollowUp(manager: EntityManager, task: CallTask, today: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CallTask)
      .values({
        kind: 'FOLLOW_UP',
        tier: 'SALES',
        priority: FOLLOW_UP_PRIORITY,
        customerId: task.customerId,
        deviceId: task.deviceId,
        stages: task.stages,
        dueOn: task.dueOn,
        openedOn: today,
        parentTaskId: task.id,
      })
      .orIgnore()
      .execute();
    await distributeOpenTasks(manager, today);
  }

  /** An open task the caller may work: an agent only their own, a supervisor any. */
  private async lockOpenTask(manager: EntityManager, taskId: string, identity: Identity): Promise<CallTask> {
    const [id] = onlyUuids([taskId]);
    const task = id ? await manager.getRepository(CallTask).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne() : null;
    if (!task) throw notFound('CallTask', taskId);
    if (!hasAnyRole(identity, CAMPAIGN_RUNNERS) && task.agentId !== actorOf(identity).id) {
      throw new DomainError(ErrorCodes.FORBIDDEN, 'An agent works only their own queue', { taskId });
    }
    if (task.status !== 'OPEN') {
      throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `Call task ${task.id} is ${task.status}`, { taskId: task.id, status: task.status });
    }
    return task;
  }

  /** A supervisor moves an open task to another agent on the team. */
  reassign(input: ReassignCallTaskInput, identity: Identity): Promise<CallTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockOpenTask(manager, input.taskId, identity);
      const agent = await manager.getRepository(CallAgent).findOneBy({ id: input.agentId.trim() });
      if (!agent) throw notFound('CallAgent', input.agentId);
      if (!agent.active) throw new DomainError(ValueAddedErrorCodes.AGENT_NOT_ON_TEAM, `${agent.name} is no longer on the team`, { agentId: agent.id });
      await manager.update(CallTask, { id: task.id }, { agentId: agent.id });
      return manager.getRepository(CallTask).findOneByOrFail({ id: task.id });
    });
  }

  /**
   * An agent's queue now: open, due for a call (not waiting for a call-back time), customer without an
   * open complaint; follow-ups first, then high value, then reminders, oldest due first.
   */
  myQueue(agentId: string, includeLater: boolean): Promise<CallTask[]> {
    return this.dataSource
      .getRepository(CallTask)
      .createQueryBuilder('t')
      .where(`t.agentId = :agentId AND t.status = 'OPEN'`, { agentId })
      .andWhere(includeLater ? 'TRUE' : '(t.nextAttemptAt IS NULL OR t.nextAttemptAt <= now())')
      .andWhere('NOT EXISTS (SELECT 1 FROM open_complaint o WHERE o.customer_id = t.customer_id)')
      .orderBy('t.priority', 'ASC')
      .addOrderBy('t.dueOn', 'ASC')
      .addOrderBy('t.createdAt', 'ASC')
      .limit(1000)
      .getMany();
  }

  /** The team's open tasks (or one agent's, or the unassigned ones), for the supervisor. */
  teamQueue(filter: QueueFilter): Promise<CallTask[]> {
    const query = this.dataSource.getRepository(CallTask).createQueryBuilder('t').where(`t.status = 'OPEN'`);
    if (filter.unassignedOnly) query.andWhere('t.agentId IS NULL');
    else if (filter.agentId) query.andWhere('t.agentId = :agentId', { agentId: filter.agentId });
    return query
      .orderBy('t.agentId', 'ASC', 'NULLS FIRST')
      .addOrderBy('t.priority', 'ASC')
      .addOrderBy('t.dueOn', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(filter.first)
      .getMany();
  }

  findById(id: string): Promise<CallTask | null> {
    const [uuid] = onlyUuids([id]);
    return uuid ? this.dataSource.getRepository(CallTask).findOneBy({ id: uuid }) : Promise.resolve(null);
  }

  callsOf(taskIds: readonly string[]): Promise<CallRecord[]> {
    return this.dataSource
      .getRepository(CallRecord)
      .createQueryBuilder('c')
      .where('c.taskId = ANY(:ids)', { ids: onlyUuids(taskIds) })
      .orderBy('c.calledAt', 'ASC')
      .getMany();
  }
}
