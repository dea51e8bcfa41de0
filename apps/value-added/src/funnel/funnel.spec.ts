import { randomUUID } from 'node:crypto';
import { Topics } from '@aftercare/event-contracts';
import { errorCodes, partner } from '@aftercare/testing';
import { agentIdentity, replacementCompleted, shiftDay, supervisor, TaskView, today, ValueAddedDriver } from '../value-added.spec-support';

const FUNNEL = `query ($from: Date!, $to: Date!) {
  valueAddedFunnel(from: $from, to: $to) {
    agents { agentId tier tasks callsMade answered interested ordered replacementsDone refusedOnSite revenueCollectedCents }
    tiers { tier tasks callsMade answered interested ordered replacementsDone refusedOnSite revenueCollectedCents }
    total { tasks callsMade answered interested ordered replacementsDone refusedOnSite revenueCollectedCents }
  }
}`;
const BRAND = `query ($from: Date!, $to: Date!, $brand: String) {
  brandReplacementFigures(from: $from, to: $to, brand: $brand) { brand optedIn installedDevices remindersDue ordered replacementsDone refusedOnSite revenueCollectedCents }
}`;

const [R1, R2, S1] = ['agent-a-reminder', 'agent-b-reminder', 'agent-c-sales'];
const figures = (
  tasks: number,
  callsMade: number,
  answered: number,
  interested: number,
  ordered: number,
  replacementsDone: number,
  refusedOnSite: number,
  revenueCollectedCents: number,
) => ({
  tasks,
  callsMade,
  answered,
  interested,
  ordered,
  replacementsDone,
  refusedOnSite,
  revenueCollectedCents,
});

/**
 * A known day: ten Philips customers due, two reminder agents with five calls each and one sales agent.
 * A: no answer twice (two customers), declined, interested (to C, who sells all three stages, 474.00 CNY
 * collected), ordered (two of three stages replaced, 75.00 collected). B: ordered (turned away at the door),
 * ordered (refused to pay), wrong number, do not call, declined.
 */
describe('funnel and brand figures against a known day (value-added, real PostgreSQL and Kafka)', () => {
  let va: ValueAddedDriver;

  async function orderOf(task: TaskView) {
    const [event] = await va.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE event_type = 'ReplacementOrdered' AND envelope->'payload'->>'deviceId' = (SELECT device_id::text FROM call_task WHERE id = $1)`,
      [task.id],
    );
    return { ...event.envelope.payload, serial: task.device.serial };
  }

  beforeAll(async () => {
    va = await ValueAddedDriver.start();
    await va.definePlan('AquaPure X5', 'Philips');
    await va.optIn('PHILIPS');
    await va.setAgent(R1, 'REMINDER');
    await va.setAgent(R2, 'REMINDER');
    await va.setAgent(S1, 'SALES');
    for (let i = 0; i < 10; i++) {
      await va.install({
        serial: `F-${i}`,
        customerId: randomUUID(),
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
        installedOn: shiftDay(today(), { months: -4 }),
      });
    }
    await va.install({ serial: 'OTHER-1', brand: 'Haier', productModel: 'H1', installedOn: '2026-01-01' });
    expect(await va.runDay()).toMatchObject({ tasksOpened: 10, tasksAssigned: 10 });

    const [a, b] = [await va.queue(R1), await va.queue(R2)];
    expect([a.length, b.length]).toEqual([5, 5]);
    const [asA, asB, asC] = [agentIdentity(R1), agentIdentity(R2), agentIdentity(S1)];
    await va.record(a[0]!.id, 'NO_ANSWER', asA);
    await va.record(a[1]!.id, 'NO_ANSWER', asA);
    await va.record(a[2]!.id, 'DECLINED', asA);
    await va.record(a[3]!.id, 'INTERESTED', asA);
    await va.record(a[4]!.id, 'ORDERED', asA, { stages: ['PP sediment', 'Activated carbon', 'RO membrane'] });
    await va.record(b[0]!.id, 'ORDERED', asB);
    await va.record(b[1]!.id, 'ORDERED', asB);
    await va.record(b[2]!.id, 'WRONG_NUMBER', asB);
    await va.record(b[3]!.id, 'DO_NOT_CALL', asB);
    await va.record(b[4]!.id, 'DECLINED', asB);
    const [followUp] = await va.queue(S1);
    await va.record(followUp!.id, 'ORDERED', asC, { stages: ['PP sediment', 'Activated carbon', 'RO membrane'] });

    await va.playAndApply(
      Topics['service-dispatch'],
      replacementCompleted(await orderOf(a[4]!), { replacedStages: ['PP sediment', 'Activated carbon'], paymentCollectedCents: 7500 }),
      replacementCompleted(await orderOf(b[0]!), { refusedAtDoor: true }),
      replacementCompleted(await orderOf(b[1]!), { replacedStages: ['PP sediment'], paymentRefused: true }),
      replacementCompleted(await orderOf(followUp!), { replacedStages: ['PP sediment', 'Activated carbon', 'RO membrane'], paymentCollectedCents: 47400 }),
    );
  });

  afterAll(() => va?.stop());

  it('counts tasks, calls, answers, interest, orders, replacements, refusals and revenue per agent, tier and team', async () => {
    const { valueAddedFunnel } = await va.ok<{ valueAddedFunnel: Record<string, unknown> }>(FUNNEL, { from: today(), to: today() }, supervisor);
    expect(valueAddedFunnel).toEqual({
      agents: [
        { agentId: R1, tier: 'REMINDER', ...figures(5, 5, 3, 1, 1, 1, 0, 7500) },
        { agentId: R2, tier: 'REMINDER', ...figures(5, 5, 5, 0, 2, 0, 2, 0) },
        { agentId: S1, tier: 'SALES', ...figures(1, 1, 1, 0, 1, 1, 0, 47400) },
      ],
      tiers: [
        { tier: 'REMINDER', ...figures(10, 10, 8, 1, 3, 1, 2, 7500) },
        { tier: 'SALES', ...figures(1, 1, 1, 0, 1, 1, 0, 47400) },
      ],
      total: figures(11, 11, 9, 1, 4, 2, 2, 54900),
    });
    const yesterday = shiftDay(today(), { days: -1 });
    expect(
      (await va.ok<{ valueAddedFunnel: { agents: unknown[]; total: unknown } }>(FUNNEL, { from: yesterday, to: yesterday })).valueAddedFunnel,
    ).toMatchObject({
      agents: [],
      total: figures(0, 0, 0, 0, 0, 0, 0, 0),
    });
    expect(errorCodes(await va.sut.graphql(FUNNEL, { from: today(), to: today() }, agentIdentity(R1)))).toEqual(['FORBIDDEN']);
  });

  it("gives a brand its own customers' replacements, and a partner no other brand's", async () => {
    const philips = partner(randomUUID(), 'PHILIPS');
    const own = await va.ok<{ brandReplacementFigures: unknown }>(BRAND, { from: today(), to: today() }, philips);
    expect(own.brandReplacementFigures).toEqual({
      brand: 'PHILIPS',
      optedIn: true,
      installedDevices: 10,
      remindersDue: 10,
      ordered: 4,
      replacementsDone: 2,
      refusedOnSite: 2,
      revenueCollectedCents: 54900,
    });
    expect(
      (await va.ok<{ brandReplacementFigures: unknown }>(BRAND, { from: today(), to: today(), brand: 'Haier' }, supervisor)).brandReplacementFigures,
    ).toMatchObject({
      brand: 'Haier',
      optedIn: false,
      installedDevices: 1,
      ordered: 0,
    });
    expect(errorCodes(await va.sut.graphql(BRAND, { from: today(), to: today(), brand: 'Haier' }, philips))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await va.sut.graphql(BRAND, { from: today(), to: today() }, supervisor))).toEqual(['BAD_USER_INPUT']);
  });
});
