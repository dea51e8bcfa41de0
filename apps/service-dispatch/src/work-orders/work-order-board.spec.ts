import { randomUUID } from 'node:crypto';
import { CustomerProfileChanged, OrderPlaced, Topics } from '@aftercare/event-contracts';
import { errorCodes, invalidFields, partner, rowCounts, sqlStatementsDuring, staff } from '@aftercare/testing';
import { DispatchDriver, engineerIdentity, inDays } from '../service-dispatch.spec-support';

const BOARD = `query ($first: Int, $after: String, $status: WorkOrderStatus, $type: WorkOrderType, $city: String, $date: Date, $engineerId: ID, $customerId: ID, $awaitingBackup: Boolean) {
  workOrders(first: $first, after: $after, status: $status, type: $type, city: $city, date: $date, engineerId: $engineerId, customerId: $customerId, awaitingBackup: $awaitingBackup) {
    edges { cursor node { id type status city appointmentDate engineerId awaitingBackup } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const LINKS = `query ($id: ID!) { workOrder(id: $id) { id customer { id } engineer { id } } }`;
const CREATE = `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id status customerId } }`;
const SERVED = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id engineersWhoServed { id } } } }`;

type Node = { id: string; type: string; status: string; city: string; appointmentDate: string | null; engineerId: string | null; awaitingBackup: boolean };
type Board = { workOrders: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('the dispatcher board, work order links and known customers (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  const board = async (args: Record<string, unknown>) => (await dispatch.ok<Board>(BOARD, args)).workOrders;
  const ids = (connection: Board['workOrders']) => connection.edges.map((edge) => edge.node.id);

  async function completedBy(engineerId: string, customerId: string): Promise<string> {
    const workOrder = await dispatch.assigned(engineerId, { customerId });
    const me = engineerIdentity(engineerId);
    await dispatch.ok(`mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id } }`, { id: workOrder.id }, me);
    await dispatch.ok(
      `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id } }`,
      { input: { workOrderId: workOrder.id, installedSerial: 'S-1' } },
      me,
    );
    return workOrder.id;
  }

  describe('workOrders', () => {
    it('filters by city (any case), day, status, type, engineer, customer and awaiting backup', async () => {
      const city = `Board-${randomUUID().slice(0, 8)}`;
      const day = inDays(20);
      const engineer = await dispatch.engineer({ homeCity: city, cities: [city] });
      const customerId = await dispatch.customer(randomUUID(), city);
      const createdOnly = await dispatch.createWorkOrder({ city, type: 'REPAIR', preferredDate: day });
      const scheduled = await dispatch.scheduled(day, { city, type: 'INSTALL' });
      const otherDay = await dispatch.scheduled(inDays(21), { city, type: 'INSTALL' });
      const assigned = await dispatch.assigned(engineer.engineerId, { city, type: 'REPAIR', customerId });
      const unplaceable = await dispatch.scheduled(day, { city, type: 'INSTALL', productModel: 'Nobody Knows It' });
      await dispatch.dispatchDay(day);

      expect(ids(await board({ city: city.toUpperCase() }))).toEqual([createdOnly.id, scheduled.id, otherDay.id, assigned.id, unplaceable.id]);
      expect(ids(await board({ city, date: day }))).toEqual([scheduled.id, unplaceable.id]);
      expect(ids(await board({ city, status: 'CREATED' }))).toEqual([createdOnly.id]);
      expect(ids(await board({ city, type: 'REPAIR' }))).toEqual([createdOnly.id, assigned.id]);
      expect(ids(await board({ city, engineerId: engineer.engineerId }))).toEqual([scheduled.id, assigned.id]);
      expect(ids(await board({ city, customerId }))).toEqual([assigned.id]);
      expect(ids(await board({ city, awaitingBackup: true }))).toEqual([unplaceable.id]);
      expect((await board({ city, awaitingBackup: false })).edges).toHaveLength(4);
    });

    it('pages oldest first with cursors, every work order exactly once', async () => {
      const city = `Pages-${randomUUID().slice(0, 8)}`;
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await dispatch.createWorkOrder({ city })).id);
      const first = await board({ city, first: 2 });
      const second = await board({ city, first: 2, after: first.pageInfo.endCursor });
      const third = await board({ city, first: 2, after: second.pageInfo.endCursor });
      expect([first, second, third].map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
      expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(created);
      expect(first.edges[1]!.cursor).toBe(first.pageInfo.endCursor);
    });

    it('reads only the columns of the fields asked for, links, history and cursors included', async () => {
      const city = `Narrow-${randomUUID().slice(0, 8)}`;
      const engineer = await dispatch.engineer({ homeCity: city, cities: [city] });
      const assigned = await dispatch.assigned(engineer.engineerId, { city });
      const open = await dispatch.createWorkOrder({ city });
      const NARROW = `query ($city: String, $after: String) { workOrders(city: $city, first: 1, after: $after) {
        edges { node { ...Row customer { id } engineer { id } } } pageInfo { endCursor } } }
        fragment Row on WorkOrder { __typename id status }`;
      type Page = {
        workOrders: {
          edges: { node: { id: string; status: string; customer: { id: string }; engineer: { id: string } | null } }[];
          pageInfo: { endCursor: string };
        };
      };
      let first: Page | undefined;
      const statements = await sqlStatementsDuring(dispatch.dataSource, async () => {
        first = await dispatch.ok<Page>(NARROW, { city });
      });
      const second = await dispatch.ok<Page>(NARROW, { city, after: first!.workOrders.pageInfo.endCursor });
      expect([...first!.workOrders.edges, ...second.workOrders.edges].map((edge) => edge.node)).toEqual([
        { __typename: 'WorkOrder', id: assigned.id, status: 'ASSIGNED', customer: { id: assigned['customerId'] }, engineer: { id: engineer.engineerId } },
        { __typename: 'WorkOrder', id: open.id, status: 'CREATED', customer: { id: open['customerId'] }, engineer: null },
      ]);
      const [read] = statements.filter((sql) => sql.includes('FROM "work_order"'));
      expect(read).not.toMatch(/site_address|stage_prices/);
      // history reads the work order's id: its narrowed rows still find their moves.
      const withHistory = await dispatch.ok<{ workOrders: { edges: { node: { history: { toStatus: string }[] } }[] } }>(
        `query ($city: String) { workOrders(city: $city) { edges { node { history { toStatus } } } } }`,
        { city },
      );
      expect(withHistory.workOrders.edges.map((edge) => edge.node.history.at(-1)?.toStatus)).toEqual(['ASSIGNED', 'CREATED']);
    });

    it('refuses a cursor it did not issue and a page size out of range with BAD_USER_INPUT', async () => {
      expect(invalidFields(await dispatch.sut.graphql(BOARD, { after: 'bm90LWEtY3Vyc29y' }, staff('DISPATCHER')))).toEqual(['after']);
      expect(errorCodes(await dispatch.sut.graphql(BOARD, { first: 101 }, staff('DISPATCHER')))).toEqual(['BAD_USER_INPUT']);
    });

    it('is for dispatchers, supervisors and admins', async () => {
      expect((await dispatch.sut.graphql(BOARD, {}, staff('SUPERVISOR'))).errors).toBeUndefined();
      for (const caller of [staff('ENGINEER'), staff('SALES'), partner()])
        expect(errorCodes(await dispatch.sut.graphql(BOARD, {}, caller))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await dispatch.sut.graphql(BOARD, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('WorkOrder.customer and WorkOrder.engineer', () => {
    it('link to the Customer and Engineer entities by key, for staff', async () => {
      const engineer = await dispatch.engineer();
      const assigned = await dispatch.assigned(engineer.engineerId);
      const unassigned = await dispatch.createWorkOrder();
      expect(await dispatch.ok(LINKS, { id: assigned.id })).toEqual({
        workOrder: { id: assigned.id, customer: { id: assigned['customerId'] }, engineer: { id: engineer.engineerId } },
      });
      expect(await dispatch.ok(LINKS, { id: unassigned.id }, staff('COMPLAINTS_AGENT'))).toEqual({
        workOrder: { id: unassigned.id, customer: { id: unassigned['customerId'] }, engineer: null },
      });
      expect(await dispatch.ok(LINKS, { id: assigned.id }, engineerIdentity(engineer.engineerId))).toMatchObject({
        workOrder: { engineer: { id: engineer.engineerId } },
      });
    });
  });

  describe('Customer.engineersWhoServed', () => {
    it('lists the engineers who completed the customer’s jobs, most recent first, for many customers in one query', async () => {
      const [zhang, li, chen] = [await dispatch.engineer(), await dispatch.engineer({ name: 'Li Lei' }), await dispatch.engineer({ name: 'Chen Jie' })];
      const [wang, zhao, sun] = [await dispatch.customer(), await dispatch.customer(), await dispatch.customer()];
      await completedBy(zhang.engineerId, wang);
      await completedBy(li.engineerId, wang);
      await completedBy(zhang.engineerId, wang);
      await completedBy(chen.engineerId, zhao);
      await dispatch.assigned(li.engineerId, { customerId: sun }); // assigned, not done: not "served" yet

      let data: { _entities: { id: string; engineersWhoServed: { id: string }[] }[] } | undefined;
      const statements = await sqlStatementsDuring(dispatch.dataSource, async () => {
        data = await dispatch.ok(SERVED, { representations: [wang, zhao, sun].map((id) => ({ __typename: 'Customer', id })) }, staff('COMPLAINTS_AGENT'));
      });
      expect(data!._entities).toEqual([
        { id: wang, engineersWhoServed: [{ id: zhang.engineerId }, { id: li.engineerId }] },
        { id: zhao, engineersWhoServed: [{ id: chen.engineerId }] },
        { id: sun, engineersWhoServed: [] },
      ]);
      expect(statements.filter((sql) => sql.includes('work_order'))).toHaveLength(1);
    });

    it('is for the staff who serve the customer, not for engineers or partners', async () => {
      const representations = [{ __typename: 'Customer', id: await dispatch.customer() }];
      for (const role of ['DISPATCHER', 'SALES', 'VALUE_ADDED_AGENT', 'SUPERVISOR'] as const) {
        expect((await dispatch.sut.graphql(SERVED, { representations }, staff(role))).errors).toBeUndefined();
      }
      expect(errorCodes(await dispatch.sut.graphql(SERVED, { representations }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await dispatch.sut.graphql(SERVED, { representations }, partner()))).toEqual(['FORBIDDEN']);
    });
  });

  describe('customers known from sales’ events', () => {
    const stored = () => rowCounts(dispatch.dataSource, { workOrders: 'work_order', events: 'outbox_event' });
    const input = (customerId: string) => ({ type: 'REPAIR', customerId, city: 'Suzhou', siteAddress: '1 Garden Road' });

    it('refuses a work order for a customer sales never announced with NOT_FOUND, storing nothing', async () => {
      const before = await stored();
      const response = await dispatch.sut.graphql(CREATE, { input: input(randomUUID()) }, staff('DISPATCHER'));
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors![0]!.extensions).toMatchObject({ entity: 'Customer' });
      expect(await stored()).toEqual(before);
    });

    it('accepts one once CustomerRegistered arrived, and keeps the card current from CustomerProfileChanged', async () => {
      const customerId = await dispatch.customer(randomUUID(), 'Suzhou');
      expect((await dispatch.ok<{ createWorkOrder: { status: string } }>(CREATE, { input: input(customerId) })).createWorkOrder.status).toBe('CREATED');
      const moved = { customerId, name: 'Wang Fang', city: 'Wuxi', region: 'Wuxi', address: '2 Lake Road', ownerId: null, key: false };
      await dispatch.playAndApply(Topics.sales, CustomerProfileChanged.create(customerId, moved));
      expect(await dispatch.dataSource.query('SELECT city FROM customer_card WHERE id = $1', [customerId])).toEqual([{ city: 'Wuxi' }]);
    });

    it('knows the customer of a placed order even before the card event arrives', async () => {
      const customerId = randomUUID();
      const orderId = randomUUID();
      const placed = OrderPlaced.create(orderId, {
        orderId,
        channel: 'PARTNER',
        partnerId: randomUUID(),
        partnerCode: 'PHILIPS',
        externalRef: `PO-${orderId.slice(0, 6)}`,
        productModel: 'AquaPure X5',
        customer: { customerId, name: 'Chen Jing', phone: '13900001111', city: 'Suzhou', address: '1 Garden Road' },
        preferredDate: inDays(5),
      });
      await dispatch.playAndApply(Topics.sales, placed);
      expect((await dispatch.ok<{ createWorkOrder: { customerId: string } }>(CREATE, { input: input(customerId) })).createWorkOrder.customerId).toBe(
        customerId,
      );
    });
  });
});
