import { startServiceUnderTest, ServiceUnderTest, errorCodes, staff } from '@aftercare/testing';
import { agent, complaintInput, ComplaintsWorld, FILE, Job, supervisor } from '../complaints.spec-support';
import { admin, DEFINE_POLICY, NORMAL_TARGETS } from '../settings/settings.spec-support';
import { complaintsService } from '../complaints.definition';
import { SlaService } from './sla.service';

/** China time as an instant: `at('2025-05-06 10:00')`. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00.000+08:00`);
const CLOCKS = `query ($id: ID!) { complaint(id: $id) { opinionDueAt slaClocks { kind dueAt warnAt fortyEightHourRule countedIn observesHolidays pausedAt stoppedAt } } }`;

type Clock = {
  kind: string;
  dueAt: string;
  warnAt: string;
  fortyEightHourRule: boolean;
  countedIn: string;
  observesHolidays: boolean;
  pausedAt: string | null;
};

describe('SLA clocks: business hours, the 48-hour rule, pauses and the sweep (complaints, real PostgreSQL)', () => {
  let world: ComplaintsWorld;
  let job: Job;

  const file = async (overrides: Record<string, unknown>) =>
    (await world.ok<{ fileComplaint: { id: string } }>(FILE, { input: complaintInput(job, { workOrderId: null, ...overrides }) })).fileComplaint.id;
  const clocks = async (id: string) => {
    const { complaint } = await world.ok<{ complaint: { opinionDueAt: string; slaClocks: Clock[] } }>(CLOCKS, { id });
    return Object.fromEntries(complaint.slaClocks.map((clock) => [clock.kind, clock])) as Record<string, Clock>;
  };
  const sla = (service: ServiceUnderTest = world.complaints) => service.service.container.get(SlaService);
  /** The events one sweep type wrote for these complaints, as "complaintId clock". */
  const swept = async (type: string, ids: string[]): Promise<string[]> => {
    const rows: { key: string }[] = await world.dataSource.query(
      `SELECT envelope->'payload'->>'complaintId' || ' ' || (envelope->'payload'->>'clock') AS key FROM outbox_event
       WHERE event_type = $1 AND message_key = ANY($2) ORDER BY key`,
      [type, ids],
    );
    return rows.map((row) => row.key);
  };

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [job] = await world.known({});
    // A holiday of this test's own, and two back-office policies that observe holidays, as an admin keeps them.
    await world.ok(`mutation { setBusinessHoliday(input: { day: "2025-05-05", name: "Labour Day (observed)" }) { day } }`, {}, admin);
    for (const category of ['ENGINEER_CONDUCT', 'SERVICE']) {
      await world.ok(DEFINE_POLICY, { input: { category, priority: 'NORMAL', ...NORMAL_TARGETS, backOfficeObservesHolidays: true } }, admin);
    }
  });

  afterAll(() => world?.stop());

  it('counts business-hour targets across the night, back-office ones over a holiday their policy observes, and caps the opinion at 48 elapsed hours when liability is at stake', async () => {
    const liable = await clocks(await file({ receivedAt: at('2025-05-04 20:30').toISOString(), involvesLiability: true }));
    // The hotline's clock counts every day: 30 minutes on the 4th, 90 minutes on the holiday morning.
    expect(new Date(liable['FIRST_CONTACT'].dueAt)).toEqual(at('2025-05-05 09:30'));
    expect(liable['FIRST_CONTACT']).toMatchObject({ countedIn: 'BUSINESS_HOURS', fortyEightHourRule: false, observesHolidays: false });
    expect(new Date(liable['FIRST_CONTACT'].warnAt)).toEqual(at('2025-05-05 09:00'));
    // The resolution (back office, the policy observes holidays), 91 business hours: 0.5 + nothing on the 5th + six full days of 13 + 12.5.
    expect(liable['RESOLUTION'].observesHolidays).toBe(true);
    expect(new Date(liable['RESOLUTION'].dueAt)).toEqual(at('2025-05-12 20:30'));
    expect(new Date(liable['OPINION'].dueAt)).toEqual(at('2025-05-06 20:30'));
    expect(liable['OPINION']).toMatchObject({ countedIn: 'ELAPSED_HOURS', fortyEightHourRule: true });

    const plain = await clocks(await file({ receivedAt: at('2025-05-04 20:30').toISOString(), involvesLiability: false, category: 'SERVICE' }));
    // The policy's 20 business hours: 0.5 on the 4th, 13 on the 6th, 6.5 on the 7th.
    expect(new Date(plain['OPINION'].dueAt)).toEqual(at('2025-05-07 14:30'));
    expect(plain['OPINION'].fortyEightHourRule).toBe(false);
  });

  it('puts a complaint under the 48-hour rule when compensation comes up later', async () => {
    const id = await file({ receivedAt: at('2025-05-06 10:00').toISOString(), involvesLiability: false, category: 'SERVICE' });
    await world.ok(
      `mutation ($id: ID!) { proposeCompensation(complaintId: $id, input: { amountCents: 5000, payer: COMPANY, reason: "Missed appointment" }) { id } }`,
      { id },
    );
    const updated = await clocks(id);
    // The policy allows until 05-07 17:00 (20 business hours), sooner than 48 hours (05-08 10:00): the policy stands.
    expect(new Date(updated['OPINION'].dueAt)).toEqual(at('2025-05-07 17:00'));
    // Received the evening before the holiday: the policy would run to 05-07 14:30, the rule caps it at 05-06 20:30.
    const late = await file({ receivedAt: at('2025-05-04 20:30').toISOString(), involvesLiability: false, category: 'SERVICE' });
    expect(new Date((await clocks(late))['OPINION'].dueAt)).toEqual(at('2025-05-07 14:30'));
    await world.ok(`mutation ($id: ID!) { proposeCompensation(complaintId: $id, input: { amountCents: 5000, payer: COMPANY, reason: "x" }) { id } }`, {
      id: late,
    });
    const capped = await clocks(late);
    expect(capped['OPINION']).toMatchObject({ fortyEightHourRule: true, countedIn: 'ELAPSED_HOURS' });
    expect(new Date(capped['OPINION'].dueAt)).toEqual(at('2025-05-06 20:30'));
    expect((await world.ok<{ complaint: { opinionDueAt: string } }>(CLOCKS, { id: late })).complaint.opinionDueAt).toBe(capped['OPINION'].dueAt);
  });

  it('pauses while waiting on the customer and gives each clock back exactly the time it had left', async () => {
    const id = await file({ receivedAt: at('2025-05-06 10:00').toISOString(), involvesLiability: true });
    await world.dataSource.transaction((manager) => sla().pause(manager, id, at('2025-05-06 11:00')));
    expect((await clocks(id))['FIRST_CONTACT'].pausedAt).not.toBeNull();
    await world.dataSource.transaction((manager) => sla().resume(manager, id, at('2025-05-06 20:30')));
    const resumed = await clocks(id);
    // One business hour was left: 30 minutes tonight, 30 tomorrow morning.
    expect(new Date(resumed['FIRST_CONTACT'].dueAt)).toEqual(at('2025-05-07 08:30'));
    // The policy's opinion (sooner than 48 hours here) had 19 business hours left: 0.5 + 13 + 5.5.
    expect(new Date(resumed['OPINION'].dueAt)).toEqual(at('2025-05-08 13:30'));
    expect(resumed['OPINION'].pausedAt).toBeNull();
    // The deadline the complaint shows is the clock's: it moved with the pause (filed, it said 05-07 17:00).
    expect(new Date((await world.ok<{ complaint: { opinionDueAt: string } }>(CLOCKS, { id })).complaint.opinionDueAt)).toEqual(at('2025-05-08 13:30'));

    const overHoliday = await file({ receivedAt: at('2025-05-04 20:30').toISOString(), involvesLiability: true });
    await world.dataSource.transaction((manager) => sla().pause(manager, overHoliday, at('2025-05-04 21:30')));
    await world.dataSource.transaction((manager) => sla().resume(manager, overHoliday, at('2025-05-05 07:30')));
    const night = await clocks(overHoliday);
    // A pause over the night costs a business-hour clock nothing (the hotline's counts the holiday morning)...
    expect(new Date(night['FIRST_CONTACT'].dueAt)).toEqual(at('2025-05-05 09:30'));
    // ...while the 48-hour opinion, counting every hour, moves by the 10 hours paused.
    expect(night['OPINION'].fortyEightHourRule).toBe(true);
    expect(new Date(night['OPINION'].dueAt)).toEqual(at('2025-05-07 06:30'));
  });

  it('runs the hotline 365 days a year: a complaint received before the Spring Festival gets 13 hours to first contact, not 85', async () => {
    // The seeded holidays (migration) include 2026-02-16 to 02-18; PRODUCT keeps the seeded policy, which observes none.
    const received = at('2026-02-15 20:00');
    const plain = await clocks(await file({ receivedAt: received.toISOString(), involvesLiability: false, category: 'PRODUCT' }));
    expect((Date.parse(plain['FIRST_CONTACT'].dueAt) - received.getTime()) / 3_600_000).toBe(13);
    // 91 hotline hours: 1 + six full days of 13 + 12.
    expect(new Date(plain['RESOLUTION'].dueAt)).toEqual(at('2026-02-22 20:00'));
    // A policy that observes holidays moves only its back-office clocks; first contact is still the hotline's.
    const observing = await clocks(await file({ receivedAt: received.toISOString(), involvesLiability: false, category: 'SERVICE' }));
    expect((Date.parse(observing['FIRST_CONTACT'].dueAt) - received.getTime()) / 3_600_000).toBe(13);
    expect(new Date(observing['RESOLUTION'].dueAt)).toEqual(at('2026-02-25 20:00'));
    expect(new Date(observing['OPINION'].dueAt)).toEqual(at('2026-02-20 14:00'));
  });

  it('waitForCustomer and customerResponded pause and resume through the graph, once each', async () => {
    const id = await file({ involvesLiability: false, category: 'SERVICE' });
    const wait = `mutation ($id: ID!) { waitForCustomer(id: $id, note: "Waiting for photos") { waitingOnCustomerSince } }`;
    const respond = `mutation ($id: ID!) { customerResponded(id: $id, note: "Photos received") { waitingOnCustomerSince } }`;
    expect((await world.ok<{ waitForCustomer: { waitingOnCustomerSince: string } }>(wait, { id })).waitForCustomer.waitingOnCustomerSince).not.toBeNull();
    expect(Object.values(await clocks(id)).every((clock) => clock.pausedAt !== null)).toBe(true);
    expect(errorCodes(await world.complaints.graphql(wait, { id }, agent))).toEqual(['ALREADY_WAITING_ON_CUSTOMER']);
    expect((await world.ok<{ customerResponded: { waitingOnCustomerSince: null } }>(respond, { id })).customerResponded.waitingOnCustomerSince).toBeNull();
    expect(errorCodes(await world.complaints.graphql(respond, { id }, agent))).toEqual(['NOT_WAITING_ON_CUSTOMER']);
  });

  it('publishes a warning before a breach and the breach when it happens, each exactly once', async () => {
    const id = await file({ receivedAt: at('2025-05-06 10:00').toISOString(), involvesLiability: false, category: 'SERVICE' });
    await sla().sweep(at('2025-05-06 11:40'));
    await sla().sweep(at('2025-05-06 11:45'));
    expect(await swept('ComplaintSlaWarning', [id])).toEqual([`${id} FIRST_CONTACT`]);
    expect(await swept('ComplaintSlaBreached', [id])).toEqual([]);
    await sla().sweep(at('2025-05-06 12:01'));
    await sla().sweep(at('2025-05-06 12:30'));
    expect(await swept('ComplaintSlaBreached', [id])).toEqual([`${id} FIRST_CONTACT`]);
    expect(await swept('ComplaintSlaWarning', [id])).toEqual([`${id} FIRST_CONTACT`]);

    const inbox = `query { complaintInbox(breachRisk: BREACHED, first: 100) { edges { node { id } } } }`;
    const listed = await world.ok<{ complaintInbox: { edges: { node: { id: string } }[] } }>(inbox);
    expect(listed.complaintInbox.edges.map((edge) => edge.node.id)).toContain(id);
  });

  it('catches up after a restart between the deadline and the sweep, and two instances sweeping at once publish each event once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await file({ receivedAt: at('2025-05-20 09:00').toISOString(), involvesLiability: true, category: 'SERVICE' }));
    // The service goes down before the deadlines pass and comes back after; nothing was in memory.
    await world.restart();
    const restarted = world.complaints;
    const second = await startServiceUnderTest(complaintsService, world.complaints.env);
    try {
      const when = at('2025-06-30 12:00');
      const results = await Promise.all([sla(restarted).sweep(when), sla(second).sweep(when), sla(restarted).sweep(when), sla(second).sweep(when)]);
      const expected = ids.flatMap((id) => ['FIRST_CONTACT', 'OPINION', 'RESOLUTION'].map((clock) => `${id} ${clock}`)).sort();
      expect(await swept('ComplaintSlaWarning', ids)).toEqual(expected);
      expect(await swept('ComplaintSlaBreached', ids)).toEqual(expected);
      expect(results.reduce((sum, result) => sum + result.breaches, 0)).toBeGreaterThanOrEqual(expected.length);
      await sla(second).sweep(at('2025-07-01 12:00'));
      expect(await swept('ComplaintSlaBreached', ids)).toEqual(expected);
    } finally {
      await second.service.stop();
    }
  });

  it('shows a supervisor what breaches next, soonest first', async () => {
    await file({ involvesLiability: false, category: 'HOTLINE', priority: 'URGENT' });
    const query = `query { nextSlaDeadlines(first: 5) { kind dueAt complaint { id category } } }`;
    const { nextSlaDeadlines } = await world.ok<{ nextSlaDeadlines: { dueAt: string; complaint: { id: string } }[] }>(query, {}, supervisor);
    expect(nextSlaDeadlines.length).toBeGreaterThan(0);
    const dues = nextSlaDeadlines.map((clock) => clock.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect(errorCodes(await world.complaints.graphql(query, {}, staff('COMPLAINTS_AGENT')))).toEqual(['FORBIDDEN']);
  });
});
