import { actorOf } from '@aftercare/identity';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { todayInChina } from '@aftercare/business-time';
import { alignByKey, CalendarDateScalar, groupLoader, Guarded, RequestContext } from '@aftercare/subgraph';
import { CallAgent } from '../agents/agent.entity';
import { AgentsService } from '../agents/agents.service';
import { Customer } from '../customers/customer.entity';
import { DevicesService } from '../devices/devices.service';
import { InstalledDevice } from '../devices/installed-device.entity';
import { ReplacementOrder } from '../replacements/replacement-order.entity';
import { ReplacementsService } from '../replacements/replacements.service';
import { QueueFilter, ReassignCallTaskInput, RecordCallOutcomeInput } from './call.inputs';
import { CallRecord } from './call-record.entity';
import { CallTask } from './call-task.entity';
import { CallsService } from './calls.service';
import { DailyRunService, ReminderRun } from './daily-run.service';

const DEVICE_BY_ID = Symbol('deviceById');
const CALLS = Symbol('callsByTask');
const ORDER = Symbol('replacementOrderById');
export const AGENT_BY_ID = Symbol('agentById');

@Resolver(() => CallTask)
export class CallTaskResolver {
  constructor(
    private readonly calls: CallsService,
    private readonly dailyRun: DailyRunService,
    private readonly devices: DevicesService,
    private readonly replacements: ReplacementsService,
    private readonly agents: AgentsService,
  ) {}

  @Guarded()
  @Mutation(() => ReminderRun, {
    description: "Turns the day's due reminders into call tasks and hands them out. Running it again the same day opens nothing new.",
  })
  runDailyReminders(
    @Arg('day', () => CalendarDateScalar, { nullable: true, description: 'Default: today (China time).' }) day?: string | null,
  ): Promise<ReminderRun> {
    return this.dailyRun.run(day ?? todayInChina());
  }

  @Guarded()
  @Query(() => [CallTask], { description: 'My calls to make now, in the order to make them. With includeLater, also those waiting for a call-back time.' })
  myCallQueue(@Ctx() { identity }: RequestContext, @Arg('includeLater', { defaultValue: false }) includeLater: boolean): Promise<CallTask[]> {
    return this.calls.myQueue(actorOf(identity).id, includeLater);
  }

  @Guarded()
  @Query(() => [CallTask], { description: "The team's open tasks: one agent's, the unassigned ones, or all." })
  teamCallQueue(@Arg('filter', () => QueueFilter, { nullable: true }) filter?: QueueFilter | null): Promise<CallTask[]> {
    return this.calls.teamQueue(filter ?? { unassignedOnly: false, first: 500 });
  }

  @Guarded()
  @Query(() => CallTask, { nullable: true })
  callTask(@Arg('id', () => ID) id: string): Promise<CallTask | null> {
    return this.calls.findById(id);
  }

  @Guarded()
  @Mutation(() => CallTask, { description: 'Records one call on a task of my queue (a supervisor: of any queue).' })
  recordCallOutcome(@Arg('input', () => RecordCallOutcomeInput) input: RecordCallOutcomeInput, @Ctx() { identity }: RequestContext): Promise<CallTask> {
    return this.calls.recordOutcome(input, identity);
  }

  @Guarded()
  @Mutation(() => CallTask, { description: 'Moves an open task to another agent on the team.' })
  reassignCallTask(@Arg('input', () => ReassignCallTaskInput) input: ReassignCallTaskInput, @Ctx() { identity }: RequestContext): Promise<CallTask> {
    return this.calls.reassign(input, identity);
  }

  @FieldResolver(() => Customer)
  customer(@Root() task: CallTask): Customer {
    return { id: task.customerId };
  }

  @FieldResolver(() => InstalledDevice)
  async device(@Root() task: CallTask, @Ctx() { loaders }: RequestContext): Promise<InstalledDevice> {
    const device = await loaders
      .get<string, InstalledDevice | null>(DEVICE_BY_ID, async (ids) => alignByKey(ids, await this.devices.findByIds(ids), (d) => d.id))
      .load(task.deviceId);
    return device as InstalledDevice;
  }

  @FieldResolver(() => CallAgent, { nullable: true })
  agent(@Root() task: CallTask, @Ctx() { loaders }: RequestContext): Promise<CallAgent | null> {
    if (!task.agentId) return Promise.resolve(null);
    return loaders.get<string, CallAgent | null>(AGENT_BY_ID, async (ids) => alignByKey(ids, await this.agents.findByIds(ids), (a) => a.id)).load(task.agentId);
  }

  @FieldResolver(() => [CallRecord], { name: 'calls', description: 'Every call made on the task, oldest first.' })
  callsMade(@Root() task: CallTask, @Ctx() { loaders }: RequestContext): Promise<CallRecord[]> {
    return groupLoader<string, CallRecord>(
      loaders,
      CALLS,
      (ids) => this.calls.callsOf(ids),
      (call) => call.taskId,
    ).load(task.id);
  }

  @FieldResolver(() => ReplacementOrder, { nullable: true, description: 'The order the call led to, with what happened on site.' })
  replacementOrder(@Root() task: CallTask, @Ctx() { loaders }: RequestContext): Promise<ReplacementOrder | null> {
    if (!task.replacementOrderId) return Promise.resolve(null);
    return loaders
      .get<string, ReplacementOrder | null>(ORDER, async (ids) => alignByKey(ids, await this.replacements.findByIds(ids), (o) => o.id))
      .load(task.replacementOrderId);
  }
}
