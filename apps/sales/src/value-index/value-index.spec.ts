import { randomUUID } from 'node:crypto';
import {
  ComplaintFiled,
  CustomerQualityChanged,
  EvaluationSubmitted,
  ReplacementOrdered,
  Topics,
  WorkOrderCompleted,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import type { CustomerValueChangedPayload } from '@aftercare/event-contracts';
import type { StaffIdentity } from '@aftercare/identity';
import {
  complaintFiled,
  countRows,
  inOverlappingTransactions,
  EventStream,
  eventually,
  outboxEvents,
  ServiceUnderTest,
  startServiceUnderTest,
} from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { createCustomer, registerSalesperson, salesperson } from '../sales.spec-support';
import { ValueIndexService } from './value-index.service';

const VALUE = `query ($id: ID!) { customer(id: $id) { value { valueIndex tier qualityFactor qualityDoubtful breakdown { economic loyalty serviceEffect characteristics complaints referrals completedJobs paymentsRefused paidAndVerifiedJobs averageEvaluation annualValueCents repeatPurchases } } } }`;
const UPDATE = `mutation ($id: ID!, $input: CustomerProfileInput!) { updateCustomer(id: $id, input: $input) { id } }`;

type Value = { valueIndex: number; tier: string; qualityFactor: number | null; qualityDoubtful: boolean; breakdown: Record<string, number | null> };

describe('customer value index from events (sales, real PostgreSQL and Kafka)', () => {
  let sales: ServiceUnderTest;
  let events: EventStream;
  let rep: StaffIdentity;

  async function valueOf(id: string): Promise<Value> {
    const response = await sales.graphql<{ customer: { value: Value } }>(VALUE, { id }, rep);
    return response.data!.customer.value;
  }

  const announcements = async (customerId: string) =>
    (await outboxEvents(sales.service.dataSource, 'CustomerValueChanged', customerId)).map((event) => event.payload as CustomerValueChangedPayload);

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

  it('is computed when the card is opened and announced', async () => {
    const id = await createCustomer(sales, rep, { scale: 3, influence: 3 });
    expect(await valueOf(id)).toMatchObject({ valueIndex: 36, tier: 'C', breakdown: { characteristics: 13, serviceEffect: 18, economic: 5, loyalty: 0 } });
    expect(await announcements(id)).toEqual([{ customerId: id, valueIndex: 36, tier: 'C', previousValueIndex: null }]);
  });

  it('drops on a complaint, announces the change once, and ignores the same complaint republished', async () => {
    const id = await createCustomer(sales, rep, { scale: 3, influence: 3 });
    const filed = complaintFiled(id);
    const republished = ComplaintFiled.create(filed.aggregateId, filed.payload);
    await events.publish(Topics.complaints, filed, republished);
    await eventually(async () => expect(await countRows(sales.service.dataSource, 'inbox_event', 'event_id = ANY($1)', [[filed.id, republished.id]])).toBe(2));

    expect(await valueOf(id)).toMatchObject({ valueIndex: 33, breakdown: { complaints: 1, serviceEffect: 15 } });
    expect(await announcements(id)).toEqual([
      { customerId: id, valueIndex: 36, tier: 'C', previousValueIndex: null },
      { customerId: id, valueIndex: 33, tier: 'C', previousValueIndex: 36 },
    ]);
  });

  it('follows evaluations, purchases and the quality factor, leaving doubtful quality data out', async () => {
    const id = await createCustomer(sales, rep, { scale: 1, influence: 1 });
    const workOrderId = randomUUID();
    const replacementOrderId = randomUUID();
    await events.publish(
      Topics['service-dispatch'],
      EvaluationSubmitted.create(workOrderId, { workOrderId, customerId: id, engineerId: randomUUID(), score: 5, submittedAt: new Date().toISOString() }),
      CustomerQualityChanged.create(id, { customerId: id, qualityFactor: 100, completedJobs: 3, complaints: 0, doubtful: true }),
    );
    await events.publish(
      Topics['value-added'],
      ReplacementOrdered.create(replacementOrderId, {
        replacementOrderId,
        customerId: id,
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
        stages: ['SEDIMENT'],
        city: 'Shanghai',
        address: '1 Nanjing Road',
        preferredDate: null,
        amountCents: 600000,
      }),
    );
    await eventually(async () =>
      expect(await valueOf(id)).toMatchObject({
        qualityFactor: 100,
        qualityDoubtful: true,
        breakdown: { averageEvaluation: 5, annualValueCents: 600000, economic: 8, serviceEffect: 25 },
      }),
    );
  });

  it('is recomputed when the card changes, and publishes nothing when the index stays the same', async () => {
    const id = await createCustomer(sales, rep, { scale: 1, influence: 1 });
    await sales.graphql(UPDATE, { id, input: { key: true } }, rep);
    expect(await announcements(id)).toHaveLength(1);
    await sales.graphql(UPDATE, { id, input: { scale: 5, influence: 5 } }, rep);
    expect((await valueOf(id)).breakdown['characteristics']).toBe(25);
    expect(await announcements(id)).toHaveLength(2);
  });

  it("counts a referral towards the referrer's loyalty", async () => {
    const referrer = await createCustomer(sales, rep);
    await createCustomer(sales, rep, { referredById: referrer });
    const value = await valueOf(referrer);
    expect(value.breakdown).toMatchObject({ loyalty: 5 });
    expect((await announcements(referrer)).map((change) => change.valueIndex)).toEqual([value.valueIndex - 5, value.valueIndex]);
  });

  it('counts two jobs of one customer applied at the same moment (two partitions or two instances): no update lost', async () => {
    const id = await createCustomer(sales, rep, { scale: 3, influence: 3 });
    const valueIndex = sales.service.container.get(ValueIndexService);
    const job = () => ({
      customerId: id,
      kind: 'JOB_COMPLETED' as const,
      subjectId: randomUUID(),
      amountCents: 30000,
      score: 0,
      occurredAt: new Date().toISOString(),
    });
    await inOverlappingTransactions(
      sales.service.dataSource,
      [job(), job()].map((fact) => (manager) => valueIndex.recordFact(manager, fact)),
    );
    expect((await valueOf(id)).breakdown).toMatchObject({ completedJobs: 2 });
  });

  it('takes concurrent orders of one customer (staff and value-added, several instances) without a deadlock', async () => {
    const id = await createCustomer(sales, rep, { scale: 3, influence: 3 });
    // What the consumer does with a ReplacementOrdered: every handler of it, in the event's transaction.
    const handlers = salesService.eventHandlers!(sales.service.container).filter((handler) => handler.event.type === ReplacementOrdered.type);
    const replacement = () =>
      ReplacementOrdered.create(randomUUID(), {
        replacementOrderId: randomUUID(),
        customerId: id,
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
        stages: ['SEDIMENT'],
        city: 'Shanghai',
        address: '1 Nanjing Road',
        preferredDate: null,
        amountCents: 12000,
      });
    const failures: string[] = [];
    const noting = (work: Promise<unknown>) =>
      work.catch((error: { code?: string; message?: string }) => failures.push(`${error.code ?? ''} ${error.message ?? error}`));
    const order = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;
    await Promise.all([
      // Each writes an order row (which key-share locks the customer row) and then recomputes the index.
      noting(
        inOverlappingTransactions(
          sales.service.dataSource,
          [1, 2, 3, 4].map(() => {
            const envelope = replacement();
            return async (manager) => {
              for (const handler of handlers) await handler.handle(envelope, manager);
            };
          }),
        ),
      ),
      ...[1, 2, 3].map(() =>
        noting(
          sales.graphql(order, { input: { channel: 'PHONE', customerId: id, productModel: 'AquaPure X5' } }, rep).then((response) => {
            if (response.errors) throw new Error(JSON.stringify(response.errors));
          }),
        ),
      ),
    ]);
    // A deadlock is PostgreSQL 40P01 ("deadlock detected"): not one, and nothing retried.
    expect(failures).toEqual([]);
    expect((await valueOf(id)).breakdown).toMatchObject({ repeatPurchases: 10 });
  });

  it('counts receivables as collected on time once the return visit verifies a paid job', async () => {
    const id = await createCustomer(sales, rep, { scale: 1, influence: 1 });
    const paid = randomUUID();
    const refused = randomUUID();
    const job = (workOrderId: string) => ({
      workOrderId,
      type: 'REPAIR' as const,
      orderId: null,
      contractId: null,
      customerId: id,
      city: 'Shanghai',
      brand: null,
      productModel: null,
    });
    const completed = (workOrderId: string, paymentRefused: boolean) =>
      WorkOrderCompleted.create(workOrderId, {
        ...job(workOrderId),
        engineerId: randomUUID(),
        completedAt: new Date().toISOString(),
        measuredAreaM2: null,
        paymentCollectedCents: paymentRefused ? 0 : 30000,
        paymentRefused,
      });
    await events.publish(Topics['service-dispatch'], completed(paid, false), completed(refused, true));
    await eventually(async () =>
      expect((await valueOf(id)).breakdown).toMatchObject({ completedJobs: 2, paymentsRefused: 1, paidAndVerifiedJobs: 0, economic: 0 }),
    );

    const verified = (workOrderId: string) =>
      WorkOrderVerified.create(workOrderId, { ...job(workOrderId), engineerId: randomUUID(), verifiedAt: new Date().toISOString(), distanceKm: null });
    await events.publish(Topics['service-dispatch'], verified(paid), verified(refused));
    await eventually(async () => expect((await valueOf(id)).breakdown).toMatchObject({ paidAndVerifiedJobs: 1, economic: 5 }));
  });

  it('keeps the history of every move of the index, newest last, in step with the announcements, for several cards in one request', async () => {
    const CARD = `id value { valueIndex } valueHistory { valueIndex tier previousValueIndex changedAt }`;
    const HISTORY = `query ($moved: ID!, $still: ID!) { moved: customer(id: $moved) { ${CARD} } still: customer(id: $still) { ${CARD} } }`;
    const moved = await createCustomer(sales, rep, { scale: 3, influence: 3 });
    const still = await createCustomer(sales, rep, { scale: 1, influence: 1 });
    await events.publish(Topics.complaints, complaintFiled(moved));
    await eventually(async () => expect((await valueOf(moved)).valueIndex).toBe(33));
    // A recomputation that leaves the index where it was adds no point.
    await sales.graphql(UPDATE, { id: still, input: { key: true } }, rep);

    type Point = { valueIndex: number; tier: string; previousValueIndex: number | null; changedAt: string };
    type Card = { id: string; value: { valueIndex: number }; valueHistory: Point[] };
    const response = await sales.graphql<{ moved: Card; still: Card }>(HISTORY, { moved, still }, rep);
    expect(response.errors).toBeUndefined();
    const cards = response.data!;
    const history = cards.moved.valueHistory;
    expect(history.map(({ valueIndex, tier, previousValueIndex }) => ({ valueIndex, tier, previousValueIndex }))).toEqual([
      { valueIndex: 36, tier: 'C', previousValueIndex: null },
      { valueIndex: 33, tier: 'C', previousValueIndex: 36 },
    ]);
    expect(Date.parse(history[1].changedAt)).toBeGreaterThanOrEqual(Date.parse(history[0].changedAt));
    expect(history.map((point) => point.valueIndex)).toEqual((await announcements(moved)).map((change) => change.valueIndex));
    expect(cards.still.valueHistory).toHaveLength(1);
    expect(cards.still.valueHistory[0].valueIndex).toBe(cards.still.value.valueIndex);
  });
});
