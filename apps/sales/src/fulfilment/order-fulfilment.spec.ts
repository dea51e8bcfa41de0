import { randomUUID } from 'node:crypto';
import {
  ReplacementOrdered,
  SelfInstallRefundApproved,
  Topics,
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderCompleted,
  WorkOrderFacts,
  WorkOrderType,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import type { StaffIdentity } from '@aftercare/identity';
import { countRows, errorCodes, EventStream, eventually, outboxEvents, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { createCustomer, registerSalesperson, salesperson } from '../sales.spec-support';

const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id channel status city siteAddress customer { id } } }`;
const ORDER = `query ($id: ID!) { order(id: $id) { id status refundedCents refunds { id amountCents workOrderId } } }`;
const CUSTOMER_ORDERS = `query ($id: ID!) { customer(id: $id) { orders { id channel } } }`;

describe('orders from every channel follow fulfilment (sales, real PostgreSQL and Kafka)', () => {
  let sales: ServiceUnderTest;
  let events: EventStream;
  let rep: StaffIdentity;
  let customerId: string;

  async function placeOrder(channel = 'PHONE'): Promise<string> {
    const response = await sales.graphql<{ placeOrder: { id: string } }>(PLACE, { input: { channel, customerId, productModel: 'AquaPure X5' } }, rep);
    return response.data!.placeOrder.id;
  }

  function facts(orderId: string, type: WorkOrderType = 'INSTALL'): WorkOrderFacts {
    return { workOrderId: randomUUID(), type, orderId, contractId: null, customerId, city: 'Shanghai', brand: null, productModel: 'AquaPure X5' };
  }

  const assigned = (f: WorkOrderFacts) =>
    WorkOrderAssigned.create(f.workOrderId, { ...f, engineerId: randomUUID(), appointmentDate: '2026-12-02', manual: false });
  const completed = (f: WorkOrderFacts) =>
    WorkOrderCompleted.create(f.workOrderId, {
      ...f,
      engineerId: randomUUID(),
      completedAt: new Date().toISOString(),
      measuredAreaM2: null,
      paymentCollectedCents: 0,
      paymentRefused: false,
    });
  const verified = (f: WorkOrderFacts) =>
    WorkOrderVerified.create(f.workOrderId, { ...f, engineerId: randomUUID(), verifiedAt: new Date().toISOString(), distanceKm: 12 });
  const cancelled = (f: WorkOrderFacts) => WorkOrderCancelled.create(f.workOrderId, { ...f, reason: 'Customer refused at the door' });

  async function statusOf(id: string): Promise<string> {
    const response = await sales.graphql<{ order: { status: string } }>(ORDER, { id }, rep);
    return response.data!.order.status;
  }

  /** Waits until the sales consumer has applied every given event. */
  async function applied(...ids: string[]): Promise<void> {
    await eventually(async () => expect(await countRows(sales.service.dataSource, 'inbox_event', 'event_id = ANY($1)', [ids])).toBe(ids.length));
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    events = new EventStream(sales.env);
    rep = salesperson(await registerSalesperson(sales));
    customerId = await createCustomer(sales, rep);
    await sales.service.consumer.ready();
  });

  afterAll(async () => {
    await events?.close();
    await sales?.stop();
  });

  it('takes orders from the own channels and publishes OrderPlaced; partner orders only come from partners', async () => {
    const channels = ['ECOMMERCE', 'STORE', 'PHONE', 'VALUE_ADDED'];
    const ids: string[] = [];
    for (const channel of channels) ids.push(await placeOrder(channel));
    const listed = await sales.graphql<{ customer: { orders: { id: string; channel: string }[] } }>(CUSTOMER_ORDERS, { id: customerId }, rep);
    expect(
      listed
        .data!.customer.orders.filter((order) => ids.includes(order.id))
        .map((order) => order.channel)
        .sort(),
    ).toEqual([...channels].sort());
    const [placed] = await outboxEvents(sales.service.dataSource, 'OrderPlaced', ids[0]);
    expect(placed.payload).toMatchObject({ orderId: ids[0], channel: 'ECOMMERCE', partnerId: null, customer: { customerId, city: 'Shanghai' } });
    const partnerChannel = await sales.graphql(PLACE, { input: { channel: 'PARTNER', customerId, productModel: 'X' } }, rep);
    expect(errorCodes(partnerChannel)).toEqual(['BAD_USER_INPUT']);
  });

  it('moves through SCHEDULED, INSTALLED and VERIFIED as the install work order progresses', async () => {
    const id = await placeOrder();
    const install = facts(id);
    const steps = [
      [assigned(install), 'SCHEDULED'],
      [completed(install), 'INSTALLED'],
      [verified(install), 'VERIFIED'],
    ] as const;
    for (const [event, status] of steps) {
      await events.publish(Topics['service-dispatch'], event);
      await eventually(async () => expect(await statusOf(id)).toBe(status));
    }
  });

  it('never moves backwards on a late or out-of-order event', async () => {
    const id = await placeOrder();
    const install = facts(id);
    const late = [completed(install), assigned(install), cancelled(install)];
    await events.publish(Topics['service-dispatch'], ...late);
    await applied(...late.map((event) => event.id));
    expect(await statusOf(id)).toBe('INSTALLED');
  });

  it('is cancelled with its install work order, and other work orders on it do not install it', async () => {
    const id = await placeOrder();
    const repair = completed(facts(id, 'REPAIR'));
    await events.publish(Topics['service-dispatch'], repair);
    await applied(repair.id);
    expect(await statusOf(id)).toBe('PLACED');

    const install = facts(id);
    const steps = [assigned(install), cancelled(install), assigned(facts(id))];
    await events.publish(Topics['service-dispatch'], ...steps);
    await applied(...steps.map((event) => event.id));
    expect(await statusOf(id)).toBe('CANCELLED');
  });

  it('records a self-install refund on the order once', async () => {
    const id = await placeOrder();
    const refundId = randomUUID();
    const workOrderId = randomUUID();
    const payload = { refundId, orderId: id, workOrderId, customerId, amountCents: 15000, approvedAt: new Date().toISOString() };
    const refund = SelfInstallRefundApproved.create(refundId, payload);
    const republished = SelfInstallRefundApproved.create(refundId, payload);
    await events.publish(Topics['engineer-network'], refund, republished);
    await applied(refund.id, republished.id);
    const response = await sales.graphql(ORDER, { id }, rep);
    expect(response.data).toEqual({ order: { id, status: 'PLACED', refundedCents: 15000, refunds: [{ id: refundId, amountCents: 15000, workOrderId }] } });
  });

  it('records a value-added order from ReplacementOrdered once, which follows its replacement work order; refused at the door cancels it', async () => {
    const ordered = (replacementOrderId: string) =>
      ReplacementOrdered.create(replacementOrderId, {
        replacementOrderId,
        customerId,
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
        stages: ['PP sediment', 'Activated carbon'],
        city: 'Shanghai',
        address: '88 Century Avenue',
        preferredDate: '2026-12-05',
        amountCents: 7500,
      });
    const [done, refused] = [randomUUID(), randomUUID()];
    const first = ordered(done);
    const again = ReplacementOrdered.create(done, first.payload);
    const other = ordered(refused);
    await events.publish(Topics['value-added'], first, again, other);
    // Each order is its own key, so its own partition: wait for all three, not only the first order's two.
    await applied(first.id, again.id, other.id);
    expect(await countRows(sales.service.dataSource, 'sales_order', `id = ANY($1) AND channel = 'VALUE_ADDED'`, [[done, refused]])).toBe(2);
    const listed = await sales.graphql<{ customer: { orders: { id: string; channel: string }[] } }>(CUSTOMER_ORDERS, { id: customerId }, rep);
    expect(listed.data!.customer.orders).toContainEqual({ id: done, channel: 'VALUE_ADDED' });

    const replacement = facts(done, 'CONSUMABLE_REPLACEMENT');
    await events.publish(Topics['service-dispatch'], assigned(replacement), completed(replacement));
    await eventually(async () => expect(await statusOf(done)).toBe('INSTALLED'));
    const turnedAway = facts(refused, 'CONSUMABLE_REPLACEMENT');
    const atTheDoor = WorkOrderCompleted.create(turnedAway.workOrderId, { ...completed(turnedAway).payload, refusedAtDoor: true });
    await events.publish(Topics['service-dispatch'], atTheDoor);
    await eventually(async () => expect(await statusOf(refused)).toBe('CANCELLED'));
  });
});
