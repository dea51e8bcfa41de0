import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, outboxEvents, rowCounts, staff } from '@aftercare/testing';
import { agent, complaintInput, ComplaintsWorld, FILE, Job } from '../complaints.spec-support';

const COMPLAINT = `query ($id: ID!) { complaint(id: $id) { id summary steps { action toStatus actorName note proposedSolution } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Complaint { id category } } }`;

describe('taking complaints in (complaints, real PostgreSQL and Kafka)', () => {
  let world: ComplaintsWorld;
  let philips: Job;
  let other: Job;

  const stored = () => rowCounts(world.dataSource, { complaints: 'complaint', steps: 'complaint_step', clocks: 'sla_clock', events: 'outbox_event' });
  const file = async (input: Record<string, unknown>) => (await world.ok<{ fileComplaint: Record<string, unknown> }>(FILE, { input })).fileComplaint;

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [philips, other] = await world.known({ brand: 'PHILIPS', productModel: 'AquaPure X5' }, { brand: 'XIAOMI', productModel: 'MR-600' });
  });

  afterAll(() => world?.stop());

  it('links the customer, order and work order from the read models, knows brand, model and engineer, and announces it once', async () => {
    const filed = await file(complaintInput(philips));
    expect(filed).toMatchObject({
      status: 'RECEIVED',
      channel: 'HOTLINE',
      customerId: philips.customerId,
      orderId: philips.orderId,
      workOrderId: philips.workOrderId,
      brand: 'PHILIPS',
      productModel: 'AquaPure X5',
      engineerId: philips.engineerId,
      proposedSolution: 'An engineer comes tomorrow morning to stop the leak; damage to be assessed.',
      intakeCount: 1,
    });
    const [event] = await outboxEvents(world.dataSource, 'ComplaintFiled', filed['id'] as string);
    expect(event.payload).toEqual({
      complaintId: filed['id'],
      category: 'ENGINEER_CONDUCT',
      customerId: philips.customerId,
      orderId: philips.orderId,
      workOrderId: philips.workOrderId,
      involvesLiability: true,
      receivedAt: filed['receivedAt'],
      opinionDueAt: filed['opinionDueAt'],
      channel: 'HOTLINE',
      brand: 'PHILIPS',
      productModel: 'AquaPure X5',
      engineerId: philips.engineerId,
    });
    const record = await world.ok<{ complaint: { steps: unknown[] } }>(COMPLAINT, { id: filed['id'] });
    expect(record.complaint.steps).toEqual([
      { action: 'FILED', toStatus: 'RECEIVED', actorName: agent.name, note: filed['summary'], proposedSolution: filed['proposedSolution'] },
    ]);
  });

  it('links a second intake of the same open problem to the first instead of counting it twice', async () => {
    const [job] = await world.known({});
    const first = await file(complaintInput(job));
    const before = await stored();
    const second = await file(complaintInput(job, { channel: 'ONLINE', summary: 'Writing again: still leaking.', category: 'PRODUCT_QUALITY' }));
    expect(second).toMatchObject({ id: first['id'], intakeCount: 2, channel: 'HOTLINE' });
    const after = await stored();
    expect(after).toEqual({ ...before, steps: before.steps + 1 });
    const record = await world.ok<{ complaint: { steps: { action: string; note: string }[] } }>(COMPLAINT, { id: first['id'] });
    expect(record.complaint.steps.map((step) => [step.action, step.note])).toEqual([
      ['FILED', expect.any(String)],
      ['REPEATED_INTAKE', 'ONLINE: Writing again: still leaking.'],
    ]);
  });

  it('takes the order from the work order and needs neither for a hotline complaint', async () => {
    const filed = await file(complaintInput(other, { category: 'HOTLINE', workOrderId: null, involvesLiability: false }));
    expect(filed).toMatchObject({ orderId: null, workOrderId: null, brand: null, engineerId: null });
    const byOrder = await file(complaintInput(other, { workOrderId: null, orderId: other.orderId, category: 'SHIPPING', involvesLiability: false }));
    expect(byOrder).toMatchObject({ orderId: other.orderId, brand: 'XIAOMI', productModel: 'MR-600', engineerId: null });
  });

  it.each([
    ['an unknown customer', () => ({ customerId: randomUUID(), workOrderId: null }), 'NOT_FOUND'],
    ['an unknown order', (job: Job) => ({ orderId: randomUUID(), workOrderId: null, customerId: job.customerId }), 'NOT_FOUND'],
    ['an unknown work order', () => ({ workOrderId: randomUUID() }), 'NOT_FOUND'],
    ["another customer's work order", (job: Job) => ({ customerId: job.customerId }), 'BAD_USER_INPUT'],
  ])('refuses %s, storing nothing', async (_case, overrides, code) => {
    const before = await stored();
    const response = await world.complaints.graphql(FILE, { input: { ...complaintInput(philips), ...overrides(other) } }, agent);
    expect(errorCodes(response)).toEqual([code]);
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['a blank summary', { summary: '   ' }, 'summary'],
    ['a blank proposed solution', { proposedSolution: ' ' }, 'proposedSolution'],
    ['a customer id that is not a uuid', { customerId: 'C-1001' }, 'customerId'],
    ['a work order id that is not a uuid', { workOrderId: 'WO-7' }, 'workOrderId'],
    ['a receipt in the future', { receivedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'receivedAt'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const before = await stored();
    const response = await world.complaints.graphql(FILE, { input: complaintInput(philips, overrides) }, agent);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(invalidFields(response)).toContain(field);
    expect(await stored()).toEqual(before);
  });

  it('is for complaint handlers; dispatch and sales read but do not file', async () => {
    const filed = await file(complaintInput(other, { category: 'SERVICE', workOrderId: null, involvesLiability: false }));
    expect(errorCodes(await world.complaints.graphql(FILE, { input: complaintInput(philips) }, staff('SALES', 'DISPATCHER')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(FILE, { input: complaintInput(philips) }))).toEqual(['UNAUTHENTICATED']);
    for (const reader of [staff('DISPATCHER'), staff('SALES')]) {
      expect((await world.complaints.graphql(COMPLAINT, { id: filed['id'] }, reader)).errors).toBeUndefined();
    }
    expect(errorCodes(await world.complaints.graphql(COMPLAINT, { id: filed['id'] }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await world.complaints.graphql(COMPLAINT, { id: randomUUID() }, agent))).toEqual(['NOT_FOUND']);
    // Not an id this API issues: refused at the subgraph's edge, before any SQL.
    const malformed = await world.complaints.graphql(COMPLAINT, { id: 'nope' }, agent);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(invalidFields(malformed)).toEqual(['id']);
  });

  it('resolves federation references in one batch, unknown ones as null', async () => {
    const filed = await file(complaintInput(other, { category: 'PRODUCT', workOrderId: null, involvesLiability: false }));
    const representations = [filed, { id: randomUUID() }].map(({ id }) => ({ __typename: 'Complaint', id }));
    expect((await world.ok<{ _entities: unknown[] }>(ENTITIES, { representations }))._entities).toEqual([{ id: filed['id'], category: 'PRODUCT' }, null]);
  });
});
