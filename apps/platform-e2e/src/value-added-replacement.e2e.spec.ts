import { todayInChina } from '@aftercare/business-time';
import { mintStaffToken, StaffRole } from '@aftercare/identity';
import { eventually, Platform, postGraphql, startPlatform, TEST_AUTH_JWT_SECRET } from '@aftercare/testing';
import { installOrderInput, REGISTER_PARTNER, RegisteredPartner, SUBMIT_INSTALL_ORDER, SubmittedOrder } from './support/operations';

/** The token's sub of `asStaff(['VALUE_ADDED_AGENT'])`: the agent's id on the call team. */
const AGENT_ID = 'e2e-value_added_agent';
const SERIAL = 'PX5-E2E-0001';

/**
 * Value-added's round trip through the gateway, every service in its own process: an install completed in
 * dispatch becomes a device with clocks; the day its reminder falls due the run gives an agent a call; the
 * customer orders all three stages; sales records the order and dispatch the replacement work order, on which the
 * engineer reads what to collect; the engineer replaces two of the three (the customer refuses the membrane at the
 * door); the clocks of those two start again, the money counts as revenue and the refused stage shows on the order.
 */
describe('value-added: reminder → call → order → replacement on site → clocks and revenue', () => {
  let platform: Platform;

  async function ok<T>(roles: StaffRole[], query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await platform.asStaff<T>(roles, query, variables);
    if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  /** Dispatcher's part of a job: schedule, assign (once dispatch knows the engineer), start, complete. */
  async function workThrough(workOrderId: string, engineerId: string, completion: Record<string, unknown>): Promise<void> {
    await ok(['DISPATCHER'], `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id } }`, {
      input: { workOrderId, slot: 'MORNING', appointmentDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) },
    });
    await eventually(
      () =>
        ok(['DISPATCHER'], `mutation ($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id } }`, {
          input: { workOrderId, engineerId, reason: 'e2e' },
        }),
      30000,
    );
    await ok(['DISPATCHER'], `mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id } }`, { id: workOrderId });
    await ok(['DISPATCHER'], `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id } }`, {
      input: { workOrderId, ...completion },
    });
  }

  beforeAll(async () => {
    platform = await startPlatform('e2e-value-added');
  });

  afterAll(() => platform?.stop());

  it('resets the clocks of the two stages replaced and counts the money collected', async () => {
    const supervisor: StaffRole[] = ['SUPERVISOR'];
    const registered = await ok<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'PHILIPS', name: 'Philips Water' } });
    await ok(
      supervisor,
      `mutation { defineConsumablePlan(input: { productModel: "AquaPure X5", brand: "Philips", stages: [
      { name: "PP sediment", intervalMonths: 3, priceCents: 3000 }, { name: "Activated carbon", intervalMonths: 6, priceCents: 4500 },
      { name: "RO membrane", intervalMonths: 24, priceCents: 39900 } ] }) { id } }`,
    );
    await ok(supervisor, `mutation { setBrandReminderService(input: { brand: "PHILIPS", optedIn: true }) { optedIn } }`);
    await ok(supervisor, `mutation ($id: String!) { setCallAgent(input: { agentId: $id, name: "Li Na", tier: REMINDER }) { id } }`, { id: AGENT_ID });
    const { registerEngineer } = await ok<{ registerEngineer: { id: string } }>(
      ['DISPATCHER'],
      `mutation { registerEngineer(input: { name: "Zhao Lei", phone: "13811110001", employment: EMPLOYEE, homeCity: "Hangzhou", dailyCapacity: 6,
        skills: [{ brand: "PHILIPS", productModel: "AquaPure X5", certifiedOn: "2026-01-10" }] }) { id } }`,
    );

    // The install, as the partner orders it and dispatch carries it out.
    const submitted = await platform.asPartner<SubmittedOrder>(registered.registerPartner.apiKey, SUBMIT_INSTALL_ORDER, {
      input: installOrderInput('PH-E2E-VA-1'),
    });
    const orderId = submitted.data!.submitInstallOrder.id;
    type OrderJobs = {
      order: { channel: string; customer: { id: string }; workOrders: { id: string; type: string; stages: string[]; serial: string | null }[] };
    };
    const ORDER_JOBS = `query ($id: ID!) { order(id: $id) { channel customer { id } workOrders { id type stages serial } } }`;
    const install = await eventually(async () => {
      const { order } = await ok<OrderJobs>(['DISPATCHER'], ORDER_JOBS, { id: orderId });
      expect(order.workOrders).toHaveLength(1);
      return order;
    }, 30000);
    await workThrough(install.workOrders[0]!.id, registerEngineer.id, { installedSerial: SERIAL });

    const DEVICE = `query { device(serial: "${SERIAL}") { installedOn reminderDueOn stages { stage lastChangedOn nextDueOn } } }`;
    type Device = { device: { installedOn: string; reminderDueOn: string; stages: { stage: string; lastChangedOn: string; nextDueOn: string }[] } };
    const installed = await eventually(async () => {
      const { device } = await ok<Device>(supervisor, DEVICE);
      expect(device).not.toBeNull();
      return device;
    }, 30000);
    expect(installed.installedOn).toBe(todayInChina());
    const dueOn = installed.reminderDueOn;
    expect(installed.stages.map((stage) => stage.nextDueOn)[0]).toBe(dueOn);

    // The day the sediment falls due, the run gives the agent the call; the customer buys all three stages.
    const run = await ok<{ runDailyReminders: { tasksOpened: number } }>(
      supervisor,
      `mutation ($day: Date!) { runDailyReminders(day: $day) { tasksOpened } }`,
      { day: dueOn },
    );
    expect(run.runDailyReminders.tasksOpened).toBe(1);
    const { myCallQueue } = await ok<{ myCallQueue: { id: string; stages: string[]; device: { serial: string } }[] }>(
      ['VALUE_ADDED_AGENT'],
      `{ myCallQueue { id stages device { serial } } }`,
    );
    expect(myCallQueue).toEqual([{ id: expect.any(String), stages: ['PP sediment'], device: { serial: SERIAL } }]);
    const { recordCallOutcome } = await ok<{ recordCallOutcome: { replacementOrder: { id: string; amountCents: number } } }>(
      ['VALUE_ADDED_AGENT'],
      `mutation ($id: ID!) { recordCallOutcome(input: { taskId: $id, outcome: ORDERED, stages: ["PP sediment", "Activated carbon", "RO membrane"], notes: "All three, Saturday" }) {
        replacementOrder { id amountCents } } }`,
      { id: myCallQueue[0]!.id },
    );
    expect(recordCallOutcome.replacementOrder.amountCents).toBe(47400);

    // Sales has the value-added order, dispatch its replacement work order for this machine.
    const replacement = await eventually(async () => {
      const { order } = await ok<OrderJobs>(['DISPATCHER'], ORDER_JOBS, { id: recordCallOutcome.replacementOrder.id });
      expect(order.workOrders).toHaveLength(1);
      return order;
    }, 30000);
    expect(replacement).toMatchObject({
      channel: 'VALUE_ADDED',
      customer: { id: install.customer.id },
      workOrders: [{ type: 'CONSUMABLE_REPLACEMENT', stages: ['PP sediment', 'Activated carbon', 'RO membrane'], serial: SERIAL }],
    });
    // The engineer on the job reads what to collect (not the plan's prices, which are value-added's).
    const asEngineer = { authorization: `Bearer ${mintStaffToken({ sub: registerEngineer.id, name: 'Zhao Lei', roles: ['ENGINEER'] }, TEST_AUTH_JWT_SECRET)}` };
    const JOB = `query ($id: ID!) { workOrder(id: $id) { stages stagePrices { name priceCents } amountDueCents } }`;
    const jobId = replacement.workOrders[0]!.id;
    const scheduledDay = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await ok(['DISPATCHER'], `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: jobId, slot: 'MORNING', appointmentDate: scheduledDay },
    });
    await eventually(
      () =>
        ok(['DISPATCHER'], `mutation ($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id } }`, {
          input: { workOrderId: jobId, engineerId: registerEngineer.id, reason: 'e2e' },
        }),
      30000,
    );
    const seen = await postGraphql<{ workOrder: unknown }>(platform.gatewayUrl, JOB, { id: jobId }, asEngineer);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.workOrder).toEqual({
      stages: ['PP sediment', 'Activated carbon', 'RO membrane'],
      stagePrices: [
        { name: 'PP sediment', priceCents: 3000 },
        { name: 'Activated carbon', priceCents: 4500 },
        { name: 'RO membrane', priceCents: 39900 },
      ],
      amountDueCents: 47400,
    });
    for (const [query, input] of [
      [`mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id } }`, { id: jobId }],
      [
        `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id } }`,
        { input: { workOrderId: jobId, replacedStages: ['PP sediment', 'Activated carbon'], paymentCollectedCents: 7500 } },
      ],
    ] as const) {
      const done = await postGraphql(platform.gatewayUrl, query, input, asEngineer);
      expect(done.errors).toBeUndefined();
    }

    // What happened on site flows back: the replacement done and the money collected count in the funnel.
    const today = todayInChina();
    const FUNNEL = `query ($from: Date!, $to: Date!) { valueAddedFunnel(from: $from, to: $to) { total { tasks callsMade answered ordered replacementsDone refusedOnSite revenueCollectedCents } } }`;
    const funnel = await eventually(async () => {
      const { valueAddedFunnel } = await ok<{ valueAddedFunnel: { total: Record<string, number> } }>(supervisor, FUNNEL, { from: today, to: dueOn });
      expect(valueAddedFunnel.total['replacementsDone']).toBe(1);
      return valueAddedFunnel;
    }, 30000);
    expect(funnel.total).toEqual({ tasks: 1, callsMade: 1, answered: 1, ordered: 1, replacementsDone: 1, refusedOnSite: 0, revenueCollectedCents: 7500 });
    // The membrane refused at the door shows on the order, with the money not collected.
    const { callTask } = await ok<{ callTask: { replacementOrder: Record<string, unknown> } }>(
      supervisor,
      `query ($id: ID!) { callTask(id: $id) { replacementOrder { status amountCents collectedCents refusedStages uncollectedCents } } }`,
      { id: myCallQueue[0]!.id },
    );
    expect(callTask.replacementOrder).toEqual({
      status: 'REPLACED',
      amountCents: 47400,
      collectedCents: 7500,
      refusedStages: ['RO membrane'],
      uncollectedCents: 39900,
    });

    // Customer 360 (a supervisor: the partner's customer has no owning salesperson): sales' card with value-added's
    // consumables. Install and replacement fall on the same day here, so the two replaced stages are due a full interval
    // from today and the membrane keeps its install clock; apps/value-added's specs prove the reset across distinct days.
    const { customer } = await ok<{ customer: { consumables: { serial: string; stages: { stage: string; lastChangedOn: string; nextDueOn: string }[] }[] } }>(
      supervisor,
      `query ($id: ID!) { customer(id: $id) { consumables { serial stages { stage lastChangedOn nextDueOn } } } }`,
      { id: install.customer.id },
    );
    expect(customer.consumables).toEqual([
      {
        serial: SERIAL,
        stages: [
          { stage: 'PP sediment', lastChangedOn: today, nextDueOn: installed.stages[0]!.nextDueOn },
          { stage: 'Activated carbon', lastChangedOn: today, nextDueOn: installed.stages[1]!.nextDueOn },
          { stage: 'RO membrane', lastChangedOn: installed.installedOn, nextDueOn: installed.stages[2]!.nextDueOn },
        ],
      },
    ]);
  });
});
