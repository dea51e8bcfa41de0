import { errorCodes, partner, staff } from '@aftercare/testing';
import { agent, complaintInput, ComplaintsWorld, FILE, Job, supervisor } from '../complaints.spec-support';

const HOUR_MS = 3_600_000;
const KPIS = `query ($from: Date!, $to: Date!) { complaintKpis(from: $from, to: $to) {
  received reopenRate closedPerAgent { agentId closed } compensationPaid { month payer currency count amountCents }
  timeToContact { count medianHours p90Hours } timeToResolution { count medianHours }
  slaAttainment { category priority clock met total rate } byCategory { key count } byBrand { key count } byModel { key count } byEngineer { key count }
} }`;
const TREND = `query ($from: Date!, $to: Date!) { complaintTrend(from: $from, to: $to, granularity: MONTH, by: BRAND) { periodStart key count } }`;
const REPORT = `query ($brand: String, $from: Date!, $to: Date!) { productIssueReport(brand: $brand, from: $from, to: $to) { brand issues { productModel category count examples { id brand } } } }`;
const RATES = `query ($from: Date!, $to: Date!) { hotlineAnswerRates(from: $from, to: $to) { day offered answered missed answerRate meetsTarget callbacksOpen } }`;

/** A known data set in a database of its own: every figure below is counted by hand. */
describe('KPIs, trends, product reports and the hotline (complaints, real PostgreSQL)', () => {
  let world: ComplaintsWorld;
  let philips: Job;
  let xiaomi: Job;
  const closer = staff('COMPLAINTS_AGENT');
  const today = new Date(Date.now() + 8 * HOUR_MS).toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() + 8 * HOUR_MS - 40 * 24 * HOUR_MS).toISOString().slice(0, 10);

  const file = async (job: Job, overrides: Record<string, unknown>) =>
    (await world.ok<{ fileComplaint: { id: string } }>(FILE, { input: complaintInput(job, { involvesLiability: false, workOrderId: null, orderId: job.orderId, ...overrides }) })).fileComplaint.id;
  const contact = (id: string) => world.ok(`mutation ($id: ID!) { recordContact(id: $id, input: { content: "Called back" }) { id } }`, { id });
  const resolve = (id: string) => world.ok(`mutation ($id: ID!) { resolveComplaint(id: $id, input: { resolution: "Done" }) { id } }`, { id });
  const close = (id: string) => world.ok(`mutation ($id: ID!) { closeComplaint(id: $id, input: { satisfaction: 5, customerAccepted: true }) { id } }`, { id }, closer);

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [philips, xiaomi] = await world.known({ brand: 'PHILIPS', productModel: 'AquaPure X5' }, { brand: 'XIAOMI', productModel: 'MR-600' });
    // Received 2, 4 and 6 hours ago, contacted now: time to contact 2, 4, 6 h.
    const ids: string[] = [];
    for (const [hoursAgo, job, category] of [[2, philips, 'PRODUCT_QUALITY'], [4, philips, 'PRODUCT_QUALITY'], [6, xiaomi, 'SHIPPING']] as const) {
      ids.push(await file(job, { receivedAt: new Date(Date.now() - hoursAgo * HOUR_MS).toISOString(), category }));
    }
    await file(philips, { category: 'SERVICE' });
    for (const id of ids) await contact(id);
    await resolve(ids[0]);
    await close(ids[0]);
    await resolve(ids[2]);
    await world.ok(`mutation ($id: ID!) { reopenComplaint(id: $id, reason: "Parcel still missing") { id } }`, { id: ids[2] });
    const { proposeCompensation } = await world.ok<{ proposeCompensation: { id: string } }>(
      `mutation ($id: ID!) { proposeCompensation(complaintId: $id, input: { amountCents: 12000, payer: BRAND, reason: "Cracked housing" }) { id } }`,
      { id: ids[1] },
    );
    await world.ok(`mutation ($id: ID!) { approveCompensation(id: $id) { id } }`, { id: proposeCompensation.id }, supervisor);
    for (const answered of [true, true, true, true, true, false]) {
      await world.ok(`mutation ($input: RecordHotlineCallInput!) { recordHotlineCall(input: $input) { id } }`, { input: { callerPhone: '138 0013 8000', answered } });
    }
  });

  afterAll(() => world?.stop());

  it('counts the period: closed per agent, compensation per month and payer, time to contact, reopen rate, by category, brand, model and engineer', async () => {
    const { complaintKpis: kpis } = await world.ok<{ complaintKpis: Record<string, unknown> }>(KPIS, { from: monthAgo, to: today }, supervisor);
    expect(kpis['received']).toBe(4);
    expect(kpis['reopenRate']).toBe(0.25);
    expect(kpis['closedPerAgent']).toEqual([{ agentId: closer.userId, closed: 1 }]);
    expect(kpis['compensationPaid']).toEqual([{ month: today.slice(0, 7), payer: 'BRAND', currency: 'CNY', count: 1, amountCents: 12000 }]);
    const contact = kpis['timeToContact'] as { count: number; medianHours: number; p90Hours: number };
    expect(contact.count).toBe(3);
    expect(contact.medianHours).toBeCloseTo(4, 1);
    expect(contact.p90Hours).toBeCloseTo(5.6, 1);
    expect(kpis['timeToResolution']).toMatchObject({ count: 1 });
    expect(kpis['byCategory']).toEqual([{ key: 'PRODUCT_QUALITY', count: 2 }, { key: 'SERVICE', count: 1 }, { key: 'SHIPPING', count: 1 }]);
    expect(kpis['byBrand']).toEqual([{ key: 'PHILIPS', count: 3 }, { key: 'XIAOMI', count: 1 }]);
    expect(kpis['byModel']).toEqual([{ key: 'AquaPure X5', count: 3 }, { key: 'MR-600', count: 1 }]);
    expect(kpis['byEngineer']).toEqual([{ key: 'unknown', count: 4 }]);
    const firstContact = (kpis['slaAttainment'] as { category: string; clock: string; met: number; total: number }[]).filter((row) => row.clock === 'FIRST_CONTACT');
    expect(firstContact.reduce((sum, row) => sum + row.total, 0)).toBe(3);
    expect(errorCodes(await world.complaints.graphql(KPIS, { from: monthAgo, to: today }, agent))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(KPIS, { from: today, to: monthAgo }, supervisor))).toEqual(['BAD_USER_INPUT']);
  });

  it('trends per month and brand', async () => {
    const { complaintTrend } = await world.ok<{ complaintTrend: { key: string; count: number }[] }>(TREND, { from: monthAgo, to: today }, supervisor);
    expect(complaintTrend.reduce((sum, point) => sum + point.count, 0)).toBe(4);
    expect(complaintTrend.filter((point) => point.key === 'XIAOMI').reduce((sum, point) => sum + point.count, 0)).toBe(1);
  });

  it("gives a partner its own brand's product issues and nothing else", async () => {
    const philipsPartner = partner(undefined, 'PHILIPS');
    const { productIssueReport } = await world.ok<{ productIssueReport: { brand: string; issues: { productModel: string; category: string; count: number; examples: { brand: string }[] }[] } }>(
      REPORT, { from: monthAgo, to: today }, philipsPartner,
    );
    expect(productIssueReport.brand).toBe('PHILIPS');
    expect(productIssueReport.issues.map(({ productModel, category, count }) => ({ productModel, category, count }))).toEqual([
      { productModel: 'AquaPure X5', category: 'PRODUCT_QUALITY', count: 2 },
      { productModel: 'AquaPure X5', category: 'SERVICE', count: 1 },
    ]);
    expect(productIssueReport.issues.flatMap((issue) => issue.examples.map((example) => example.brand))).toEqual(['PHILIPS', 'PHILIPS', 'PHILIPS']);
    expect(errorCodes(await world.complaints.graphql(REPORT, { brand: 'XIAOMI', from: monthAgo, to: today }, philipsPartner))).toEqual(['FORBIDDEN']);
    const forStaff = await world.ok<{ productIssueReport: { issues: unknown[] } }>(REPORT, { brand: 'XIAOMI', from: monthAgo, to: today }, supervisor);
    expect(forStaff.productIssueReport.issues).toHaveLength(1);
  });

  it('turns a missed call into a call-back task and reports the answer rate per day against 85 %', async () => {
    const { hotlineAnswerRates } = await world.ok<{ hotlineAnswerRates: Record<string, unknown>[] }>(RATES, { from: today, to: today }, supervisor);
    expect(hotlineAnswerRates).toEqual([{ day: today, offered: 6, answered: 5, missed: 1, answerRate: 0.8333, meetsTarget: false, callbacksOpen: 1 }]);
    const { openCallbacks } = await world.ok<{ openCallbacks: { id: string; callerPhone: string }[] }>(`query { openCallbacks { id callerPhone } }`);
    expect(openCallbacks).toEqual([{ id: expect.any(String), callerPhone: '13800138000' }]);
    const done = `mutation ($id: ID!) { completeCallback(callId: $id, input: { outcome: UNREACHABLE, note: "No answer twice" }) { callbackStatus } }`;
    expect((await world.ok<{ completeCallback: { callbackStatus: string } }>(done, { id: openCallbacks[0].id })).completeCallback.callbackStatus).toBe('UNREACHABLE');
    expect(errorCodes(await world.complaints.graphql(done, { id: openCallbacks[0].id }, agent))).toEqual(['INVALID_STATE_TRANSITION']);
  });
});
