import { randomUUID } from 'node:crypto';
import { OrderPlaced, Topics, WorkOrderCreated } from '@aftercare/event-contracts';
import { countRows, EventStream, eventually, partner, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { serviceDispatchService } from '../service-dispatch.definition';
import { WorkOrdersService } from './work-orders.service';

const ORDER_WORK_ORDERS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { id workOrders { id type status city preferredDate } } }
}`;

function orderPlaced(partnerId: string, city = 'Suzhou') {
  const orderId = randomUUID();
  return OrderPlaced.create(orderId, {
    orderId,
    channel: 'PARTNER',
    partnerId,
    partnerCode: 'PHILIPS',
    externalRef: `PO-${orderId.slice(0, 6)}`,
    productModel: 'AquaPure X5',
    customer: { customerId: randomUUID(), name: 'Chen Jing', phone: '13900001111', city, address: '1 Garden Road' },
    preferredDate: '2026-12-03',
  });
}

describe('install work orders from OrderPlaced (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: ServiceUnderTest;
  let events: EventStream;
  const brand = partner();

  async function workOrdersOf(orderId: string) {
    return dispatch.service.dataSource.query('SELECT * FROM work_order WHERE order_id = $1', [orderId]);
  }

  beforeAll(async () => {
    dispatch = await startServiceUnderTest(serviceDispatchService);
    events = new EventStream(dispatch.env);
    await dispatch.service.consumer.ready();
  });

  afterAll(async () => {
    await events?.close();
    await dispatch?.stop();
  });

  it('creates one INSTALL work order per placed order and announces it', async () => {
    const published = await events.record(Topics['service-dispatch']);
    const placed = orderPlaced(brand.partnerId);
    await events.publish(Topics.sales, placed);

    const [workOrder] = await eventually(async () => {
      const rows = await workOrdersOf(placed.payload.orderId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(workOrder).toMatchObject({ type: 'INSTALL', status: 'CREATED', city: 'Suzhou', partner_id: brand.partnerId });

    const announced = await eventually(() => {
      const created = published.map((message) => JSON.parse(message.value)).find((event) => event.aggregateId === workOrder.id);
      expect(created).toBeDefined();
      return created;
    });
    expect(WorkOrderCreated.matches(announced)).toBe(true);
    expect(announced.payload).toMatchObject({ orderId: placed.payload.orderId, type: 'INSTALL' });
  });

  it('ignores a redelivered event and a republished one for the same order', async () => {
    const placed = orderPlaced(brand.partnerId);
    await events.publish(Topics.sales, placed);
    await eventually(async () => expect(await workOrdersOf(placed.payload.orderId)).toHaveLength(1));

    const republished = OrderPlaced.create(placed.aggregateId, placed.payload);
    await events.publish(Topics.sales, placed, republished);
    await eventually(async () => {
      expect(await countRows(dispatch.service.dataSource, 'inbox_event', 'event_id = $1', [republished.id])).toBe(1);
    });
    expect(await workOrdersOf(placed.payload.orderId)).toHaveLength(1);
    const announcements = await dispatch.service.dataSource.query(
      `SELECT 1 FROM outbox_event WHERE event_type = 'WorkOrderCreated' AND envelope->'payload'->>'orderId' = $1`,
      [placed.payload.orderId],
    );
    expect(announcements).toHaveLength(1);
  });

  it('resolves Order.workOrders for many orders in one lookup, showing a partner only its own', async () => {
    const mine = [orderPlaced(brand.partnerId), orderPlaced(brand.partnerId)];
    const theirs = orderPlaced(randomUUID());
    await events.publish(Topics.sales, ...mine, theirs);
    for (const placed of [...mine, theirs]) {
      await eventually(async () => expect(await workOrdersOf(placed.payload.orderId)).toHaveLength(1));
    }
    const lookups = jest.spyOn(dispatch.service.container.get(WorkOrdersService), 'findByOrderIds');
    const representations = [...mine, theirs].map((placed) => ({ __typename: 'Order', id: placed.payload.orderId }));

    type Entities = { _entities: { id: string; workOrders: { type: string }[] }[] };
    const asDispatcher = await dispatch.graphql<Entities>(ORDER_WORK_ORDERS, { representations }, staff('DISPATCHER'));
    expect(asDispatcher.data!._entities.map((order) => order.workOrders.length)).toEqual([1, 1, 1]);
    expect(lookups).toHaveBeenCalledTimes(1);

    const asPartner = await dispatch.graphql<Entities>(ORDER_WORK_ORDERS, { representations }, brand);
    expect(asPartner.data!._entities.map((order) => order.workOrders.length)).toEqual([1, 1, 0]);
    lookups.mockRestore();

    // The status, yes; the company's internal history and completion notes, no.
    const internals = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { workOrders { history { actor } } } } }`;
    const asPartnerInternals = await dispatch.graphql(internals, { representations: representations.slice(0, 1) }, brand);
    expect(asPartnerInternals.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
