import { errorCodes, eventually, Platform, startPlatform } from '@aftercare/testing';
import {
  asPartnerById,
  installOrderInput,
  MY_ORDERS,
  ORDER_WITH_WORK_ORDERS,
  OrderWithWorkOrders,
  REGISTER_PARTNER,
  RegisteredPartner,
  SUBMIT_INSTALL_ORDER,
  SubmittedOrder,
} from './support/operations';

/**
 * The foundation's acceptance flow, through the gateway, with every service in its own process:
 * a partner's order placed in sales becomes an install work order in dispatch via Kafka, and one
 * query joins both.
 */
describe('a partner brand submits an installation order through the graph', () => {
  let platform: Platform;
  let philipsKey: string;
  let xiaomiKey: string;

  async function register(code: string): Promise<string> {
    const response = await platform.asStaff<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code, name: `${code} Co.` } });
    expect(response.errors).toBeUndefined();
    return response.data!.registerPartner.apiKey;
  }

  beforeAll(async () => {
    platform = await startPlatform('e2e-flow');
    philipsKey = await register('PHILIPS');
    xiaomiKey = await register('XIAOMI');
  });

  afterAll(() => platform?.stop());

  it('places the order once, creates its install work order, and answers one query from both services', async () => {
    const input = installOrderInput('PH-2026-0001');
    const first = await platform.asPartner<SubmittedOrder>(philipsKey, SUBMIT_INSTALL_ORDER, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.submitInstallOrder).toMatchObject({ externalRef: 'PH-2026-0001', status: 'PLACED', channel: 'PARTNER' });
    const orderId = first.data!.submitInstallOrder.id;

    const again = await platform.asPartner<SubmittedOrder>(philipsKey, SUBMIT_INSTALL_ORDER, { input });
    expect(again.data!.submitInstallOrder.id).toBe(orderId);

    // As a brand's integration calls: the published operation by its id.
    const order = await eventually(async () => {
      const response = await asPartnerById<OrderWithWorkOrders>(platform.gatewayUrl, philipsKey, 'Order', { id: orderId });
      expect(response.errors).toBeUndefined();
      expect(response.data!.order.workOrders).toHaveLength(1);
      return response.data!.order;
    }, 30000);
    expect(order).toEqual({
      id: orderId,
      externalRef: 'PH-2026-0001',
      status: 'PLACED',
      channel: 'PARTNER',
      productModel: 'AquaPure X5',
      city: 'Hangzhou',
      siteAddress: '12 West Lake Road',
      preferredDate: input.preferredDate,
      createdAt: expect.any(String),
      customer: { name: 'Zhao Lei' },
      workOrders: [{ id: expect.any(String), type: 'INSTALL', status: 'CREATED', appointmentDate: null, appointmentSlot: null, completedAt: null }],
    });

    const asDispatcher = await platform.asStaff<OrderWithWorkOrders>(['DISPATCHER'], ORDER_WITH_WORK_ORDERS, { id: orderId });
    expect(asDispatcher.data!.order.workOrders).toEqual(order.workOrders);
  });

  it("keeps each partner to its own orders: another's id is not found, myOrders lists only its own", async () => {
    const submitted = await platform.asPartner<SubmittedOrder>(philipsKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput('PH-2026-0002') });
    const orderId = submitted.data!.submitInstallOrder.id;
    await platform.asPartner(xiaomiKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput('XM-2026-0001') });

    const stranger = await platform.asPartner(xiaomiKey, ORDER_WITH_WORK_ORDERS, { id: orderId });
    expect(errorCodes(stranger)).toEqual(['NOT_FOUND']);
    expect(stranger.data).toBeNull();

    type MyOrders = { myOrders: { edges: { node: { externalRef: string } }[] } };
    const philipsOrders = await asPartnerById<MyOrders>(platform.gatewayUrl, philipsKey, 'MyOrders', { first: 50 });
    expect(philipsOrders.data!.myOrders.edges.map((edge) => edge.node.externalRef).sort()).toEqual(['PH-2026-0001', 'PH-2026-0002']);
    const xiaomiOrders = await platform.asPartner<MyOrders>(xiaomiKey, MY_ORDERS);
    expect(xiaomiOrders.data!.myOrders.edges.map((edge) => edge.node.externalRef)).toEqual(['XM-2026-0001']);
  });

  it('runs for a partner key only the operations published for partners; staff may send any document', async () => {
    const freeForm = await platform.asPartner(philipsKey, `{ myOrders(first: 100) { edges { node { id customer { phone address } } } } }`);
    expect(freeForm.status).toBe(403);
    expect(errorCodes(freeForm)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const unknownId = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': philipsKey },
      body: JSON.stringify({ documentId: `sha256:${'ab'.repeat(32)}` }),
    });
    expect(unknownId.status).toBe(400);
    expect(((await unknownId.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const asAdmin = await platform.asStaff<{ order: { id: string } }>(['ADMIN'], `query ($id: ID!) { order(id: $id) { id } }`, {
      id: (await asPartnerById<{ myOrders: { edges: { node: { id: string } }[] } }>(platform.gatewayUrl, philipsKey, 'MyOrders')).data!.myOrders.edges[0]!.node
        .id,
    });
    expect(asAdmin.errors).toBeUndefined();
  });

  it('rejects bad input and unknown keys with stable codes, storing nothing', async () => {
    const malformed = await platform.asPartner(philipsKey, SUBMIT_INSTALL_ORDER, {
      input: { ...installOrderInput('PH-BAD-1'), customer: { name: '', phone: 'call me', city: 'Hangzhou', address: 'x' } },
    });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const unknownKey = await platform.asPartner(`${philipsKey}x`, SUBMIT_INSTALL_ORDER, { input: installOrderInput('PH-BAD-2') });
    expect(unknownKey.status).toBe(401);
    expect(errorCodes(unknownKey)).toEqual(['UNAUTHENTICATED']);

    type MyOrders = { myOrders: { edges: { node: { externalRef: string } }[] } };
    const philipsOrders = await platform.asPartner<MyOrders>(philipsKey, MY_ORDERS);
    expect(philipsOrders.data!.myOrders.edges.map((edge) => edge.node.externalRef)).not.toContain('PH-BAD-1');
  });
});
