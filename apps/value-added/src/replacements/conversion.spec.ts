import { randomUUID } from 'node:crypto';
import { ReplacementOrderedPayload, Topics, WorkOrderCancelled } from '@aftercare/event-contracts';
import { countRows, invalidFields, rowCounts } from '@aftercare/testing';
import { agentIdentity, replacementCompleted, shiftDay, TaskView, today, ValueAddedDriver } from '../value-added.spec-support';

const MODEL = 'AquaPure X5';
const AGENT = 'agent-li';
const ALL_THREE = ['PP sediment', 'Activated carbon', 'RO membrane'];
const TASK_ORDER = `query ($id: ID!) { callTask(id: $id) { siteOutcome replacementOrder { status stages { name priceCents } amountCents replacedStages collectedCents refusedStages uncollectedCents } } }`;

describe('conversion: ordered on a call → replacement on site → clocks and revenue (value-added, real PostgreSQL and Kafka)', () => {
  let va: ValueAddedDriver;
  let serials = 0;
  const installedOn = () => shiftDay(today(), { months: -4 });

  /** A due customer on the phone who buys; returns what went out to sales and dispatch. */
  async function sold(
    stages: string[] = ALL_THREE,
    installed = installedOn(),
  ): Promise<{ task: TaskView; ordered: ReplacementOrderedPayload; serial: string }> {
    const serial = `CONV-${++serials}`;
    await va.install({ serial, brand: 'PHILIPS', productModel: MODEL, installedOn: installed });
    await va.runDay();
    const [task] = await va.tasksOf(serial);
    const closed = await va.record(task!.id, 'ORDERED', agentIdentity(AGENT), {
      stages,
      preferredDate: shiftDay(today(), { days: 3 }),
      notes: 'Thursday morning',
    });
    const [event] = await va.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE event_type = 'ReplacementOrdered' AND envelope->'payload'->>'serial' = $1`,
      [serial],
    );
    return { task: closed, ordered: event.envelope.payload, serial };
  }

  beforeAll(async () => {
    va = await ValueAddedDriver.start();
    await va.definePlan(MODEL, 'Philips');
    await va.optIn('PHILIPS');
    await va.setAgent(AGENT, 'REMINDER');
  });

  afterAll(() => va?.stop());

  it('announces ReplacementOrdered with stages, prices, customer and device, for sales and dispatch', async () => {
    const { task, ordered, serial } = await sold();
    expect(task).toMatchObject({ status: 'CLOSED', outcome: 'ORDERED' });
    expect(ordered).toEqual({
      replacementOrderId: expect.any(String),
      customerId: task.customer.id,
      brand: 'PHILIPS',
      productModel: MODEL,
      stages: ALL_THREE,
      city: 'Shanghai',
      address: '88 Century Avenue',
      preferredDate: shiftDay(today(), { days: 3 }),
      amountCents: 3000 + 4500 + 39900,
      deviceId: expect.any(String),
      serial,
      stagePrices: [
        { name: 'PP sediment', priceCents: 3000 },
        { name: 'Activated carbon', priceCents: 4500 },
        { name: 'RO membrane', priceCents: 39900 },
      ],
      agentId: AGENT,
    });
    const [recorded] = await va.outbox('CallOutcomeRecorded', task.id);
    expect(recorded!.payload).toMatchObject({ outcome: 'ORDERED', agentId: AGENT, replacementOrderId: ordered.replacementOrderId, notes: 'Thursday morning' });
    // While the order is open nobody calls about the same device.
    await va.runDay(shiftDay(today(), { months: 1 }));
    expect(await va.tasksOf(serial)).toEqual([]);
  });

  it('resets only the two stages replaced of the three ordered, and counts what was collected', async () => {
    const { task, ordered, serial } = await sold();
    await va.playAndApply(
      Topics['service-dispatch'],
      replacementCompleted(ordered, { replacedStages: ['PP sediment', 'Activated carbon'], paymentCollectedCents: 7500 }),
    );
    const device = await va.device(serial);
    expect(device.stages).toEqual([
      expect.objectContaining({ stage: 'PP sediment', lastChangedOn: today(), nextDueOn: shiftDay(today(), { months: 3 }) }),
      expect.objectContaining({ stage: 'Activated carbon', lastChangedOn: today(), nextDueOn: shiftDay(today(), { months: 6 }) }),
      expect.objectContaining({ stage: 'RO membrane', lastChangedOn: installedOn(), nextDueOn: shiftDay(installedOn(), { months: 24 }) }),
    ]);
    expect(device.reminderDueOn).toBe(shiftDay(today(), { months: 3 }));
    expect((await va.ok(TASK_ORDER, { id: task.id })).callTask).toMatchObject({
      siteOutcome: 'REPLACED',
      replacementOrder: { status: 'REPLACED', amountCents: 47400, replacedStages: ['PP sediment', 'Activated carbon'], collectedCents: 7500 },
    });
  });

  it('does not offer a stage refused on site again the next morning: it waits for the next cycle, like a declined call', async () => {
    // Seven months in: sediment and carbon are both due, and both are sold.
    const { task, ordered, serial } = await sold(['PP sediment', 'Activated carbon'], shiftDay(today(), { months: -7 }));
    expect(ordered.stages).toEqual(['PP sediment', 'Activated carbon']);
    await va.playAndApply(Topics['service-dispatch'], replacementCompleted(ordered, { replacedStages: ['PP sediment'], paymentCollectedCents: 3000 }));

    expect((await va.ok(TASK_ORDER, { id: task.id })).callTask).toMatchObject({
      replacementOrder: {
        status: 'REPLACED',
        amountCents: 7500,
        collectedCents: 3000,
        replacedStages: ['PP sediment'],
        refusedStages: ['Activated carbon'],
        uncollectedCents: 4500,
      },
    });
    const device = await va.device(serial);
    // The carbon clock still shows it overdue; the reminder waits one cycle.
    expect(device.stages).toContainEqual(expect.objectContaining({ stage: 'Activated carbon', nextDueOn: shiftDay(today(), { months: -1 }) }));
    expect(device.reminderDueOn).toBe(shiftDay(today(), { months: 3 }));
    await va.runDay();
    await va.runDay(shiftDay(today(), { days: 1 }));
    expect(await va.tasksOf(serial)).toEqual([]);

    // Next cycle: the carbon is offered again, with the sediment now due.
    await va.runDay(shiftDay(today(), { months: 3 }));
    const [next] = await va.tasksOf(serial);
    expect(next!.stages).toEqual(['Activated carbon', 'PP sediment']);
  });

  it.each([
    ['turned the engineer away at the door', { refusedAtDoor: true }, 'REFUSED_AT_DOOR', 0],
    ['refused to pay after the filters were changed', { replacedStages: ['PP sediment'], paymentRefused: true }, 'REFUSED_TO_PAY', 0],
  ])('marks the order and the task when the customer %s, and leaves the clocks running', async (_case, onSite, outcome, collected) => {
    const { task, ordered, serial } = await sold(['PP sediment']);
    const before = await va.device(serial);
    await va.playAndApply(Topics['service-dispatch'], replacementCompleted(ordered, onSite));
    const after = await va.device(serial);
    expect(after.stages).toEqual(before.stages);
    expect((await va.ok(TASK_ORDER, { id: task.id })).callTask).toMatchObject({
      siteOutcome: outcome,
      replacementOrder: { status: outcome, collectedCents: collected },
    });
    // Nothing was changed: reminded next cycle.
    expect(after.reminderDueOn! > today()).toBe(true);
  });

  it('marks an order whose visit was cancelled before it happened, once however often dispatch says so', async () => {
    const { task, ordered } = await sold(['PP sediment']);
    const workOrderId = randomUUID();
    const cancelled = WorkOrderCancelled.create(workOrderId, {
      workOrderId,
      type: 'CONSUMABLE_REPLACEMENT',
      orderId: ordered.replacementOrderId,
      contractId: null,
      customerId: ordered.customerId,
      city: 'Shanghai',
      brand: 'PHILIPS',
      productModel: MODEL,
      reason: 'Customer called off the appointment',
    });
    await va.playAndApply(Topics['service-dispatch'], cancelled, WorkOrderCancelled.create(workOrderId, cancelled.payload));
    // A completion arriving after the cancellation changes nothing.
    await va.playAndApply(Topics['service-dispatch'], replacementCompleted(ordered, { replacedStages: ['PP sediment'], paymentCollectedCents: 3000 }));
    expect((await va.ok(TASK_ORDER, { id: task.id })).callTask).toMatchObject({
      siteOutcome: 'CANCELLED',
      replacementOrder: { status: 'CANCELLED', collectedCents: 0 },
    });
  });

  it('refuses to order a stage the machine does not have, storing nothing', async () => {
    const serial = `CONV-${++serials}`;
    await va.install({ serial, brand: 'PHILIPS', productModel: MODEL, installedOn: installedOn() });
    await va.runDay();
    const [task] = await va.tasksOf(serial);
    const stored = () => rowCounts(va.dataSource, { calls: 'call_record', orders: 'replacement_order', events: 'outbox_event' });
    const before = await stored();
    const response = await va.sut.graphql(
      `mutation ($input: RecordCallOutcomeInput!) { recordCallOutcome(input: $input) { id } }`,
      { input: { taskId: task!.id, outcome: 'ORDERED', stages: ['UV lamp'] } },
      agentIdentity(AGENT),
    );
    expect(invalidFields(response)).toEqual(['stages']);
    expect(await stored()).toEqual(before);
    expect(await countRows(va.dataSource, 'call_task', `id = $1 AND status = 'OPEN'`, [task!.id])).toBe(1);
  });
});
