import { randomUUID } from 'node:crypto';
import { todayInChina } from '@aftercare/business-time';
import { errorCodes, eventually, invalidFields, Platform, startPlatform } from '@aftercare/testing';
import { REGISTER_PARTNER, RegisteredPartner, SUBMIT_INSTALL_ORDER, SubmittedOrder } from './support/operations';

const chinaDay = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));

const BOARD = `query Board($city: String!) {
  workOrders(city: $city, first: 50) { edges { node { id type status customer { id name phone } engineer { id name } } } pageInfo { hasNextPage } }
}`;
const REGISTER_ENGINEER = `mutation RegisterEngineer($input: RegisterEngineerInput!) { registerEngineer(input: $input) { id name } }`;
const SCHEDULE = `mutation Schedule($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id status } }`;
const ASSIGN = `mutation Assign($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { id status } }`;
const START = `mutation Start($id: ID!) { startWorkOrder(workOrderId: $id) { id status } }`;
const COMPLETE = `mutation Complete($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id status } }`;
const CREATE_WORK_ORDER = `mutation CreateWorkOrder($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`;
const CUSTOMER_360 = `query Customer360($id: ID!) {
  customer(id: $id) {
    id name grade
    orders { channel }
    workOrders { type status engineer { name } }
    qualityFactor { completedJobs }
    engineersWhoServed { id name }
    complaints { id }
  }
}`;

type Node = {
  id: string;
  type: string;
  status: string;
  customer: { id: string; name: string; phone: string } | null;
  engineer: { id: string; name: string } | null;
};

/**
 * The console's graph across services, through the gateway with every service in its own process: the
 * dispatcher board resolves each work order's customer from sales and engineer from engineer-network, a
 * complaints agent opens the customer 360 with the engineers who served, and references across services
 * are checked (a past preferred date at intake, an unknown customer in dispatch).
 */
describe('the console graph across services (gateway, every service a process)', () => {
  let platform: Platform;
  let apiKey: string;
  const city = `Console-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    platform = await startPlatform('e2e-console-graph');
    const registered = await platform.asStaff<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'PHILIPS', name: 'Philips Water' } });
    expect(registered.errors).toBeUndefined();
    apiKey = registered.data!.registerPartner.apiKey;
  });

  afterAll(() => platform?.stop());

  const order = (preferredDate: string) => ({
    externalRef: `PH-${randomUUID().slice(0, 8)}`,
    productModel: 'AquaPure X5',
    preferredDate,
    customer: { name: 'Qian Hui', phone: '13700137777', city, address: '8 Harbour Road' },
  });

  it('refuses a partner order dated in the past at intake, where dispatch would never book it', async () => {
    const response = await platform.asPartner(apiKey, SUBMIT_INSTALL_ORDER, { input: order(chinaDay(-1)) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(invalidFields(response)).toEqual(['preferredDate']);
  });

  it('takes an order to the board, the engineer to the job, and the customer 360 to a complaints agent', async () => {
    const submitted = await platform.asPartner<SubmittedOrder>(apiKey, SUBMIT_INSTALL_ORDER, { input: order(chinaDay(2)) });
    expect(submitted.errors).toBeUndefined();

    const [install] = await eventually(async () => {
      const board = await platform.asStaff<{ workOrders: { edges: { node: Node }[] } }>(['DISPATCHER'], BOARD, { city });
      expect(board.errors).toBeUndefined();
      const nodes = board.data!.workOrders.edges.map((edge) => edge.node);
      expect(nodes).toHaveLength(1);
      return nodes;
    }, 30000);
    expect(install).toMatchObject({ type: 'INSTALL', status: 'CREATED', customer: { name: 'Qian Hui', phone: '13700137777' }, engineer: null });
    const customerId = install!.customer!.id;

    const engineer = await platform.asStaff<{ registerEngineer: { id: string } }>(['DISPATCHER'], REGISTER_ENGINEER, {
      input: {
        name: 'Han Bo',
        phone: '13600136666',
        employment: 'EMPLOYEE',
        homeCity: city,
        dailyCapacity: 5,
        skills: [{ brand: 'PHILIPS', productModel: 'AquaPure X5', certifiedOn: '2026-01-05' }],
      },
    });
    const engineerId = engineer.data!.registerEngineer.id;
    expect((await platform.asStaff(['DISPATCHER'], SCHEDULE, { input: { workOrderId: install!.id, slot: 'MORNING' } })).errors).toBeUndefined();
    // Dispatch knows the engineer once engineer-network's EngineerRegistered has arrived.
    await eventually(async () => {
      const assigned = await platform.asStaff(['DISPATCHER'], ASSIGN, { input: { workOrderId: install!.id, engineerId, reason: 'Knows the building' } });
      expect(assigned.errors).toBeUndefined();
    }, 30000);
    expect((await platform.asStaff(['DISPATCHER'], START, { id: install!.id })).errors).toBeUndefined();
    expect((await platform.asStaff(['DISPATCHER'], COMPLETE, { input: { workOrderId: install!.id, installedSerial: 'PX5-7777' } })).errors).toBeUndefined();

    const board = await platform.asStaff<{ workOrders: { edges: { node: Node }[] } }>(['SUPERVISOR'], BOARD, { city });
    expect(board.data!.workOrders.edges[0]!.node).toMatchObject({ status: 'COMPLETED', engineer: { id: engineerId, name: 'Han Bo' } });

    const opened = await platform.asStaff<{ customer: Record<string, unknown> }>(['COMPLAINTS_AGENT'], CUSTOMER_360, { id: customerId });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.customer).toEqual({
      id: customerId,
      name: 'Qian Hui',
      grade: expect.any(String),
      orders: [{ channel: 'PARTNER' }],
      workOrders: [{ type: 'INSTALL', status: 'COMPLETED', engineer: { name: 'Han Bo' } }],
      qualityFactor: { completedJobs: 1 },
      engineersWhoServed: [{ id: engineerId, name: 'Han Bo' }],
      complaints: [],
    });

    // The customer is known to dispatch (from sales' events), so a dispatcher may open a repair for them.
    const repair = { type: 'REPAIR', customerId, city, siteAddress: '8 Harbour Road' };
    expect((await platform.asStaff(['DISPATCHER'], CREATE_WORK_ORDER, { input: repair })).errors).toBeUndefined();
  });

  it('refuses a work order for a customer sales does not know with NOT_FOUND', async () => {
    const response = await platform.asStaff(['DISPATCHER'], CREATE_WORK_ORDER, {
      input: { type: 'REPAIR', customerId: randomUUID(), city, siteAddress: '1 Nowhere Lane' },
    });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});
