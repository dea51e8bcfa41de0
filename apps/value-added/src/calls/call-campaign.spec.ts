import { randomUUID } from 'node:crypto';
import { ComplaintFiled, ComplaintResolved, CustomerProfileChanged, CustomerValueChanged, Topics } from '@aftercare/event-contracts';
import { countRows, errorCodes } from '@aftercare/testing';
import { agentIdentity, shiftDay, supervisor, TaskView, today, ValueAddedDriver } from '../value-added.spec-support';

const MODEL = 'AquaPure X5';
const [R1, R2, S1] = ['agent-r1', 'agent-r2', 'agent-s1'];

describe('reminder campaigns: daily run, tiers, workload, outcomes (value-added, real PostgreSQL and Kafka)', () => {
  let va: ValueAddedDriver;
  let serials = 0;

  /** A machine installed four months ago: its sediment stage is a month overdue today. */
  async function dueDevice(customerId: string = randomUUID()): Promise<{ serial: string; customerId: string }> {
    const serial = `DUE-${++serials}`;
    await va.install({ serial, customerId, brand: 'PHILIPS', productModel: MODEL, installedOn: shiftDay(today(), { months: -4 }) });
    return { serial, customerId };
  }

  async function openTask(serial: string): Promise<TaskView> {
    const [task] = await va.tasksOf(serial);
    if (!task) throw new Error(`no open task for ${serial}`);
    return task;
  }

  /**
   * When a device of `dueDevice` is reminded after a call that replaced nothing: one cycle (the shortest
   * interval, 3 months) later, or sooner when another stage falls due first, here the carbon at 6 months.
   */
  const nextCycle = () => {
    const cycle = shiftDay(today(), { months: 3 });
    const carbon = shiftDay(shiftDay(today(), { months: -4 }), { months: 6 });
    return carbon < cycle ? carbon : cycle;
  };

  /** The call as the agent whose queue it is in. */
  const callAs = (task: TaskView) => agentIdentity(task.agentId as string);

  const workload = async () => Object.fromEntries(await Promise.all([R1, R2, S1].map(async (id) => [id, (await va.queue(id, true)).length] as const)));

  beforeAll(async () => {
    va = await ValueAddedDriver.start();
    await va.definePlan(MODEL, 'Philips');
    await va.optIn('Philips');
    await va.setAgent(R1, 'REMINDER');
    await va.setAgent(R2, 'REMINDER');
    await va.setAgent(S1, 'SALES');
  });

  afterAll(() => va?.stop());

  it('opens one task per due device, high-value customers to the sales tier, levelled by open workload; a second run that day opens nothing', async () => {
    const plain = await Promise.all([1, 2, 3, 4, 5].map(() => dueDevice()));
    const vip = randomUUID();
    await va.playAndApply(Topics.sales, CustomerValueChanged.create(vip, { customerId: vip, valueIndex: 88, tier: 'A', previousValueIndex: 60 }));
    const big = await dueDevice(vip);

    expect(await va.runDay()).toEqual({ day: today(), tasksOpened: 6, tasksAssigned: 6, unassigned: 0 });
    expect(await workload()).toEqual({ [R1]: 3, [R2]: 2, [S1]: 1 });
    expect((await openTask(big.serial)).tier).toBe('SALES');
    expect(new Set(await Promise.all(plain.map(async ({ serial }) => (await openTask(serial)).tier)))).toEqual(new Set(['REMINDER']));
    const events = await va.dataSource.query(`SELECT envelope FROM outbox_event WHERE event_type = 'ReminderDue'`);
    expect(events).toHaveLength(6);
    expect(events[0].envelope.payload).toMatchObject({ brand: 'PHILIPS', productModel: MODEL, stages: ['PP sediment'] });

    expect(await va.runDay()).toMatchObject({ tasksOpened: 0 });
    expect(await countRows(va.dataSource, 'call_task')).toBe(6);

    // The least-loaded agent is served first: three more even the reminder tier out at four each.
    await Promise.all([1, 2, 3].map(() => dueDevice()));
    expect(await va.runDay()).toMatchObject({ tasksOpened: 3 });
    expect(await workload()).toEqual({ [R1]: 4, [R2]: 4, [S1]: 1 });

    // Beyond an agent's daily target the rest wait, visible to the supervisor, until someone has room.
    await va.setAgent(R1, 'REMINDER', 4);
    await va.setAgent(R2, 'REMINDER', 4);
    const waiting = await dueDevice();
    expect(await va.runDay()).toMatchObject({ tasksOpened: 1, unassigned: 1 });
    expect((await va.teamQueue({ unassignedOnly: true })).map((task) => task.device.serial)).toEqual([waiting.serial]);
    await va.setAgent(R2, 'REMINDER', 300);
    await va.runDay();
    expect((await openTask(waiting.serial)).agentId).toBe(R2);
    await va.setAgent(R1, 'REMINDER', 300);
  });

  it('retries an unanswered call a few hours later, and after three tries leaves the customer to the next cycle', async () => {
    const { serial } = await dueDevice();
    await va.runDay();
    let task = await openTask(serial);
    const agent = task.agentId as string;
    task = await va.record(task.id, 'NO_ANSWER', callAs(task), { notes: 'Rang out' });
    expect(task).toMatchObject({ status: 'OPEN', attempts: 1, outcome: 'NO_ANSWER' });
    expect(Date.parse(task.nextAttemptAt as string)).toBeGreaterThan(Date.now() + 2.5 * 3_600_000);
    expect((await va.queue(agent)).map((t) => t.id)).not.toContain(task.id);
    expect((await va.queue(agent, true)).map((t) => t.id)).toContain(task.id);
    await va.record(task.id, 'NO_ANSWER', callAs(task), { callBackAt: new Date(Date.now() + 60_000).toISOString() });
    task = await va.record(task.id, 'NO_ANSWER', callAs(task));
    expect(task).toMatchObject({ status: 'CLOSED', attempts: 3 });
    expect((await va.device(serial)).reminderDueOn).toBe(nextCycle());
  });

  it('reminds a customer who declined again next cycle, not before', async () => {
    const { serial } = await dueDevice();
    await va.runDay();
    const task = await openTask(serial);
    expect(await va.record(task.id, 'DECLINED', callAs(task), { notes: 'Changed it herself last month' })).toMatchObject({
      status: 'CLOSED',
      outcome: 'DECLINED',
    });
    const next = nextCycle();
    expect((await va.device(serial)).reminderDueOn).toBe(next);
    await va.runDay();
    await va.runDay(shiftDay(next, { days: -1 }));
    expect(await va.tasksOf(serial)).toEqual([]);
    await va.runDay(next);
    expect(await va.tasksOf(serial)).toEqual([expect.objectContaining({ dueOn: next, status: 'OPEN', stages: ['PP sediment', 'Activated carbon'] })]);
  });

  it('honours do-not-call for ever: the customer’s other tasks are withdrawn and no later run calls them', async () => {
    const customerId = randomUUID();
    const first = await dueDevice(customerId);
    const second = await dueDevice(customerId);
    await va.runDay();
    const task = await openTask(first.serial);
    await va.record(task.id, 'DO_NOT_CALL', callAs(task), { notes: 'Asked to be removed from every list' });
    expect(await va.tasksOf(first.serial, second.serial)).toEqual([]);
    expect(await countRows(va.dataSource, 'call_task', `customer_id = $1 AND status = 'CANCELLED'`, [customerId])).toBe(1);
    // Not even a changed card, nor years later.
    await va.playAndApply(
      Topics.sales,
      CustomerProfileChanged.create(customerId, {
        customerId,
        name: 'Wang Fang',
        city: 'Shanghai',
        region: 'East',
        address: 'New address',
        ownerId: null,
        key: false,
      }),
    );
    for (const day of [today(), shiftDay(today(), { months: 6 }), shiftDay(today(), { months: 60 })]) await va.runDay(day);
    expect(await va.tasksOf(first.serial, second.serial)).toEqual([]);
  });

  it('stops calling a wrong number until the card changes', async () => {
    const { serial, customerId } = await dueDevice();
    await va.runDay();
    const task = await openTask(serial);
    await va.record(task.id, 'WRONG_NUMBER', callAs(task), { notes: 'A restaurant answered' });
    await va.runDay();
    expect(await va.tasksOf(serial)).toEqual([]);
    await va.playAndApply(
      Topics.sales,
      CustomerProfileChanged.create(customerId, {
        customerId,
        name: 'Li Na',
        city: 'Shanghai',
        region: 'East',
        address: '1 Garden Road',
        ownerId: null,
        key: false,
      }),
    );
    await va.runDay(shiftDay(today(), { days: 1 }));
    expect(await va.tasksOf(serial)).toEqual([expect.objectContaining({ status: 'OPEN' })]);
  });

  it('hands an interested customer to a sales-tier agent, first in their queue, and keeps them in the sales tier', async () => {
    const { serial } = await dueDevice();
    await va.runDay();
    const reminder = await openTask(serial);
    expect(reminder.tier).toBe('REMINDER');
    await va.record(reminder.id, 'INTERESTED', callAs(reminder), { notes: 'Wants a price for all three' });
    const [followUp] = await va.tasksOf(serial);
    expect(followUp).toMatchObject({ kind: 'FOLLOW_UP', tier: 'SALES', agentId: S1, stages: ['PP sediment'] });
    expect((await va.queue(S1))[0]!.id).toBe(followUp!.id);
    // Still thinking: the sales agent keeps them and calls back.
    expect(await va.record(followUp!.id, 'INTERESTED', agentIdentity(S1))).toMatchObject({ status: 'OPEN', attempts: 1 });
    const tier = await va.dataSource.query(`SELECT interested_since IS NOT NULL AS interested FROM customer_card WHERE customer_id = $1`, [
      reminder.customer.id,
    ]);
    expect(tier).toEqual([{ interested: true }]);
  });

  it('does not call a customer with an open complaint that day (the care team is on it), and does once it is resolved', async () => {
    const { serial, customerId } = await dueDevice();
    const complaintId = randomUUID();
    const filed = {
      complaintId,
      category: 'SERVICE' as const,
      customerId,
      orderId: null,
      workOrderId: null,
      involvesLiability: false,
      receivedAt: new Date().toISOString(),
      opinionDueAt: null,
    };
    await va.playAndApply(Topics.complaints, ComplaintFiled.create(complaintId, filed));
    await va.runDay();
    expect(await va.tasksOf(serial)).toEqual([]);
    await va.playAndApply(
      Topics.complaints,
      ComplaintResolved.create(complaintId, { complaintId, customerId, workOrderId: null, satisfaction: 4, resolvedAt: new Date().toISOString() } as never),
    );
    await va.runDay();
    const task = await openTask(serial);
    // A complaint filed after the task was handed out hides it from the agent's queue for as long as it is open.
    const again = randomUUID();
    await va.playAndApply(Topics.complaints, ComplaintFiled.create(again, { ...filed, complaintId: again }));
    expect((await va.queue(task.agentId as string)).map((t) => t.id)).not.toContain(task.id);
  });

  it('lets an agent work only their own queue; a supervisor sees the team and reassigns', async () => {
    const { serial } = await dueDevice();
    await va.runDay();
    const task = await openTask(serial);
    const other = task.agentId === R1 ? R2 : R1;
    const before = await countRows(va.dataSource, 'call_record');
    expect(
      errorCodes(
        await va.sut.graphql(
          `mutation ($input: RecordCallOutcomeInput!) { recordCallOutcome(input: $input) { id } }`,
          { input: { taskId: task.id, outcome: 'DECLINED' } },
          agentIdentity(other),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await va.sut.graphql(`{ teamCallQueue { id } }`, {}, agentIdentity(other)))).toEqual(['FORBIDDEN']);
    expect(await countRows(va.dataSource, 'call_record')).toBe(before);
    await va.ok(
      `mutation ($input: ReassignCallTaskInput!) { reassignCallTask(input: $input) { agentId } }`,
      { input: { taskId: task.id, agentId: other } },
      supervisor,
    );
    expect(await va.record(task.id, 'DECLINED', agentIdentity(other))).toMatchObject({ status: 'CLOSED', agentId: other });
    expect(
      errorCodes(
        await va.sut.graphql(
          `mutation ($input: RecordCallOutcomeInput!) { recordCallOutcome(input: $input) { id } }`,
          { input: { taskId: task.id, outcome: 'DECLINED' } },
          agentIdentity(other),
        ),
      ),
    ).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it("redistributes an absent agent's open tasks to the others of the tier", async () => {
    await Promise.all([1, 2].map(() => dueDevice()));
    await va.runDay();
    const r1Tasks = (await va.teamQueue({ agentId: R1 })).length;
    const r2Tasks = (await va.teamQueue({ agentId: R2 })).length;
    expect(r1Tasks).toBeGreaterThan(0);
    const result = await va.ok<{ markAgentAbsent: { tasksRedistributed: number; agent: { absentToday: boolean; openTasks: number } } }>(
      `mutation ($input: MarkAgentAbsentInput!) { markAgentAbsent(input: $input) { tasksRedistributed agent { absentToday openTasks } } }`,
      { input: { agentId: R1, reason: 'Sick' } },
    );
    expect(result.markAgentAbsent).toEqual({ tasksRedistributed: r1Tasks, agent: { absentToday: true, openTasks: 0 } });
    expect((await va.teamQueue({ agentId: R2 })).length).toBe(r1Tasks + r2Tasks);
    // New tasks that day skip them too.
    const { serial } = await dueDevice();
    await va.runDay();
    expect((await openTask(serial)).agentId).toBe(R2);
  });
});
