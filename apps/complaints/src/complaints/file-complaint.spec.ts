import { randomUUID } from 'node:crypto';
import { errorCodes, invalidFields, outboxEvents, rowCounts, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { complaintsService } from '../complaints.service';

const FILE = `mutation ($input: FileComplaintInput!) {
  fileComplaint(input: $input) { id category status customerId orderId workOrderId summary involvesLiability opinionDueAt receivedAt }
}`;
const COMPLAINT = `query ($id: ID!) { complaint(id: $id) { id summary } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Complaint { id category } } }`;

const agent = staff('COMPLAINTS_AGENT');
const HOUR_MS = 60 * 60 * 1000;

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    category: 'ENGINEER_CONDUCT',
    customerId: randomUUID(),
    orderId: randomUUID(),
    workOrderId: randomUUID(),
    summary: 'The engineer left the old filter housing on the kitchen floor.',
    involvesLiability: true,
    ...overrides,
  };
}

describe('filing complaints (complaints, real PostgreSQL)', () => {
  let complaints: ServiceUnderTest;

  const stored = () => rowCounts(complaints.service.dataSource, { complaints: 'complaint', events: 'outbox_event' });

  async function file(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await complaints.graphql<{ fileComplaint: Record<string, unknown> }>(FILE, { input }, agent);
    expect(response.errors).toBeUndefined();
    return response.data!.fileComplaint;
  }

  beforeAll(async () => {
    complaints = await startServiceUnderTest(complaintsService);
  });

  afterAll(() => complaints?.stop());

  describe('fileComplaint', () => {
    it('records a RECEIVED complaint owed an opinion 48 hours after receipt, and one ComplaintFiled in the outbox', async () => {
      const input = complaint();
      const filed = await file(input);
      expect(filed).toMatchObject({ ...input, status: 'RECEIVED' });
      const receivedAt = new Date(filed['receivedAt'] as string).getTime();
      expect(Math.abs(receivedAt - Date.now())).toBeLessThan(60_000);
      expect(new Date(filed['opinionDueAt'] as string).getTime() - receivedAt).toBe(48 * HOUR_MS);

      const events = await outboxEvents(complaints.service.dataSource, 'ComplaintFiled', filed['id'] as string);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toEqual({
        complaintId: filed['id'],
        category: 'ENGINEER_CONDUCT',
        customerId: input.customerId,
        orderId: input.orderId,
        workOrderId: input.workOrderId,
        involvesLiability: true,
        receivedAt: filed['receivedAt'],
        opinionDueAt: filed['opinionDueAt'],
      });
    });

    it('runs no opinion clock when no liability is involved, and needs neither order nor work order', async () => {
      const filed = await file(complaint({ category: 'HOTLINE', orderId: undefined, workOrderId: null, involvesLiability: false }));
      expect(filed).toMatchObject({ category: 'HOTLINE', orderId: null, workOrderId: null, opinionDueAt: null });
    });

    it.each([
      ['a blank summary', { summary: '   ' }, 'summary'],
      ['a customer id that is not a uuid', { customerId: 'C-1001' }, 'customerId'],
      ['an order id that is not a uuid', { orderId: '42' }, 'orderId'],
      ['a work order id that is not a uuid', { workOrderId: 'WO-7' }, 'workOrderId'],
    ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, overrides, field) => {
      const before = await stored();
      const response = await complaints.graphql(FILE, { input: complaint(overrides) }, agent);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(invalidFields(response)).toContain(field);
      expect(await stored()).toEqual(before);
    });

    it('rejects a category the business does not know', async () => {
      const response = await complaints.graphql(FILE, { input: complaint({ category: 'WEATHER' }) }, agent);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });

    it('is for complaint agents, supervisors and admins only', async () => {
      expect((await complaints.graphql(FILE, { input: complaint() }, staff('SUPERVISOR'))).errors).toBeUndefined();
      expect((await complaints.graphql(FILE, { input: complaint() }, staff('ADMIN'))).errors).toBeUndefined();
      const before = await stored();
      expect(errorCodes(await complaints.graphql(FILE, { input: complaint() }, staff('SALES', 'DISPATCHER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await complaints.graphql(FILE, { input: complaint() }))).toEqual(['UNAUTHENTICATED']);
      expect(await stored()).toEqual(before);
    });
  });

  describe('reading complaints', () => {
    it('finds a complaint by id; unknown and malformed ids are NOT_FOUND', async () => {
      const filed = await file(complaint());
      const response = await complaints.graphql(COMPLAINT, { id: filed['id'] }, staff('SUPERVISOR'));
      expect(response.data).toEqual({ complaint: { id: filed['id'], summary: filed['summary'] } });
      expect(errorCodes(await complaints.graphql(COMPLAINT, { id: randomUUID() }, agent))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await complaints.graphql(COMPLAINT, { id: 'not-a-uuid' }, agent))).toEqual(['NOT_FOUND']);
    });

    it('is for complaint agents, supervisors and admins only', async () => {
      const filed = await file(complaint());
      expect(errorCodes(await complaints.graphql(COMPLAINT, { id: filed['id'] }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await complaints.graphql(COMPLAINT, { id: filed['id'] }))).toEqual(['UNAUTHENTICATED']);
    });

    it('resolves federation references, unknown ones as null', async () => {
      const first = await file(complaint({ category: 'SHIPPING' }));
      const second = await file(complaint({ category: 'PRODUCT' }));
      const representations = [first, second, { id: randomUUID() }].map(({ id }) => ({ __typename: 'Complaint', id }));
      const response = await complaints.graphql(ENTITIES, { representations }, agent);
      expect(response.data).toEqual({
        _entities: [{ id: first['id'], category: 'SHIPPING' }, { id: second['id'], category: 'PRODUCT' }, null],
      });
    });
  });
});
