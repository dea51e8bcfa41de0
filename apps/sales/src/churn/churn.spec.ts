import { randomUUID } from 'node:crypto';
import { CustomerQualityChanged, Topics } from '@aftercare/event-contracts';
import type { StaffIdentity } from '@aftercare/identity';
import { todayInChina } from '@aftercare/business-time';
import { complaintFiled, errorCodes, EventStream, eventually, outboxEvents, rowCounts, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { createCustomer, registerSalesperson, salesperson, supervisor } from '../sales.spec-support';

const RECORD = `mutation ($input: RecordChurnInput!) {
  recordChurn(input: $input) {
    customerId reason controllable attribution churnedOn
    evidence { qualityFactor complaints contactsLast90Days visitsLast90Days serviceFellShort salesFellShort explanation }
  }
}`;
const LOG = `mutation ($input: LogContactInput!) { logContact(input: $input) { id } }`;
const REPORT = `query ($from: Date!, $to: Date!) { churnReport(from: $from, to: $to) { total byAttribution { attribution customers } records { customerId attribution } } }`;

// The salesperson's today: China time, as the console offers it (a UTC date would be yesterday before 08:00 there).
const today = todayInChina();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('lost customers and their attribution (sales, real PostgreSQL and Kafka)', () => {
  let sales: ServiceUnderTest;
  let events: EventStream;
  let rep: StaffIdentity;

  async function visitOften(customerId: string): Promise<void> {
    for (const days of [10, 30, 60]) {
      await sales.graphql(LOG, { input: { customerId, kind: 'VISIT', contactedAt: daysAgo(days), place: 'On site', notes: 'Routine visit' } }, rep);
    }
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    events = new EventStream(sales.env);
    rep = salesperson(await registerSalesperson(sales));
    await sales.service.consumer.ready();
  });

  afterAll(async () => {
    await events?.close();
    await sales?.stop();
  });

  it('attributes a well-visited customer with poor service quality to SERVICE and publishes CustomerChurned', async () => {
    const id = await createCustomer(sales, rep);
    await visitOften(id);
    const complaintId = randomUUID();
    await events.publish(
      Topics['service-dispatch'],
      CustomerQualityChanged.create(id, { customerId: id, qualityFactor: 45, completedJobs: 6, complaints: 2, doubtful: false }),
    );
    await events.publish(Topics.complaints, complaintFiled(id, { complaintId, involvesLiability: true, receivedAt: daysAgo(5) }));
    const valueQuery = `query ($id: ID!) { customer(id: $id) { value { qualityFactor breakdown { complaints } } } }`;
    await eventually(async () =>
      expect((await sales.graphql(valueQuery, { id }, rep)).data).toEqual({ customer: { value: { qualityFactor: 45, breakdown: { complaints: 1 } } } }),
    );

    const response = await sales.graphql<{ recordChurn: Record<string, unknown> }>(
      RECORD,
      { input: { customerId: id, reason: 'PRICE', churnedOn: today, notes: 'Went to a cheaper competitor' } },
      rep,
    );
    expect(response.data!.recordChurn).toMatchObject({
      reason: 'PRICE',
      controllable: true,
      attribution: 'SERVICE',
      evidence: { qualityFactor: 45, complaints: 1, contactsLast90Days: 3, visitsLast90Days: 3, serviceFellShort: true, salesFellShort: false },
    });
    const [churned] = await outboxEvents(sales.service.dataSource, 'CustomerChurned', id);
    expect(churned.payload).toEqual({ customerId: id, reason: 'PRICE', controllable: true, attribution: 'SERVICE', churnedOn: today });
  });

  it('attributes a neglected customer to SALES, an uncontrollable loss to nobody, and reports the period', async () => {
    const neglected = await createCustomer(sales, rep);
    const closed = await createCustomer(sales, rep);
    await visitOften(closed);
    await sales.graphql(RECORD, { input: { customerId: neglected, reason: 'SERVICE_QUALITY', churnedOn: today, notes: 'Said service was poor' } }, rep);
    await sales.graphql(RECORD, { input: { customerId: closed, reason: 'CLOSED_DOWN', churnedOn: today, notes: 'Restaurant closed' } }, rep);

    const report = await sales.graphql<{
      churnReport: { total: number; byAttribution: { attribution: string; customers: number }[]; records: { customerId: string; attribution: string }[] };
    }>(REPORT, { from: today, to: today }, supervisor);
    const { churnReport } = report.data!;
    expect(churnReport.records).toEqual(
      expect.arrayContaining([
        { customerId: neglected, attribution: 'SALES' },
        { customerId: closed, attribution: 'UNCONTROLLABLE' },
      ]),
    );
    expect(churnReport.byAttribution).toEqual([
      { attribution: 'SERVICE', customers: 1 },
      { attribution: 'SALES', customers: 1 },
      { attribution: 'PRICE', customers: 0 },
      { attribution: 'UNCONTROLLABLE', customers: 1 },
    ]);
    expect(churnReport.total).toBe(3);
    expect(errorCodes(await sales.graphql(REPORT, { from: today, to: today }, rep))).toEqual(['FORBIDDEN']);
  });

  it('records a customer as lost once, and not in the future', async () => {
    const id = await createCustomer(sales, rep);
    const other = await createCustomer(sales, rep);
    await sales.graphql(RECORD, { input: { customerId: id, reason: 'BUSINESS_CHANGE', churnedOn: today, notes: 'Moved' } }, rep);
    const before = await rowCounts(sales.service.dataSource, { churn: 'churn_record', events: 'outbox_event' });
    expect(errorCodes(await sales.graphql(RECORD, { input: { customerId: id, reason: 'PRICE', churnedOn: today, notes: 'x' } }, rep))).toEqual([
      'CUSTOMER_ALREADY_CHURNED',
    ]);
    expect(errorCodes(await sales.graphql(RECORD, { input: { customerId: other, reason: 'PRICE', churnedOn: '2999-01-01', notes: 'x' } }, rep))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await rowCounts(sales.service.dataSource, { churn: 'churn_record', events: 'outbox_event' })).toEqual(before);
  });
});
