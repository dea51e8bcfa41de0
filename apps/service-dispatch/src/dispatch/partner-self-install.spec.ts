import { randomUUID } from 'node:crypto';
import { OrderPlaced, OrderPlacedPayload, Topics } from '@aftercare/event-contracts';
import { eventually } from '@aftercare/testing';
import { dispatcher, DispatchDriver, engineerIdentity, inDays } from '../service-dispatch.spec-support';
import { estimateSiteDistance } from '../sites/site-distance';

const DISPATCH_ONE = `mutation ($id: ID!) { dispatchWorkOrder(workOrderId: $id) { assignedWorkOrderIds beyondServiceRadiusWorkOrderIds } }`;
const SELF_INSTALL = `mutation ($input: AcceptSelfInstallInput!) { acceptSelfInstall(input: $input) { status } }`;
const SITE = `query ($id: ID!) { workOrder(id: $id) { id status distanceKm distanceBasis selfInstallOffered } }`;

describe('self-install for partner orders: the distance of a partner site (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
    // Shanghai's engineers: they cover the city from its outlet and hold the partner's model.
    await dispatch.engineer({ homeCity: 'Shanghai', cities: ['Shanghai'], skills: [{ brand: 'PHILIPS', productModel: 'AquaPure X5' }] });
  });

  afterAll(() => dispatch?.stop());

  /** Plays sales taking a partner order (as submitInstallOrder announces it) and returns its scheduled install work order. */
  async function partnerOrder(site: Partial<OrderPlacedPayload['customer']>) {
    const orderId = randomUUID();
    const placed = OrderPlaced.create(orderId, {
      orderId,
      channel: 'PARTNER',
      partnerId: randomUUID(),
      partnerCode: 'PHILIPS',
      externalRef: `PO-${orderId.slice(0, 8)}`,
      productModel: 'AquaPure X5',
      customer: { customerId: randomUUID(), name: 'Chen Jing', phone: '13900001111', city: 'Shanghai', address: '88 Century Avenue, Pudong', ...site },
      preferredDate: inDays(4),
    });
    await dispatch.playAndApply(Topics.sales, placed);
    const [{ id }] = (await dispatch.dataSource.query(`SELECT id FROM work_order WHERE order_id = $1`, [orderId])) as { id: string }[];
    await dispatch.schedule(id);
    return id;
  }

  const site = async (id: string) => (await dispatch.ok<{ workOrder: Record<string, unknown> }>(SITE, { id })).workOrder;

  it("offers self-install for a partner order to a remote district, estimated to the district's reference point; the refund carries that distance", async () => {
    const address = '12 Bayi Road, Chongming';
    const expectedKm = estimateSiteDistance({ city: 'Shanghai', address }, ['Shanghai'])!.km;
    expect(expectedKm).toBeGreaterThan(50);
    const id = await partnerOrder({ address });
    expect(await site(id)).toMatchObject({ distanceKm: expectedKm, distanceBasis: 'DISTRICT_REFERENCE' });

    const run = await dispatch.ok<{ dispatchWorkOrder: { beyondServiceRadiusWorkOrderIds: string[] } }>(DISPATCH_ONE, { id });
    expect(run.dispatchWorkOrder.beyondServiceRadiusWorkOrderIds).toEqual([id]);
    expect(await site(id)).toMatchObject({ status: 'SCHEDULED', selfInstallOffered: true });

    await dispatch.ok(SELF_INSTALL, { input: { workOrderId: id, installFeeCents: 15000 } });
    const [accepted] = await dispatch.outbox('SelfInstallAccepted', id);
    expect(accepted!.payload).toMatchObject({ installFeeCents: 15000, distanceKm: expectedKm });
  });

  it("measures to the partner's coordinates of the site when they were sent", async () => {
    // A farm on Chongming island whose postal address names the company's office in Pudong.
    const coordinates = { latitude: 31.75, longitude: 121.6 };
    const id = await partnerOrder({ address: '88 Century Avenue, Pudong', ...coordinates });
    const expectedKm = estimateSiteDistance({ city: 'Shanghai', address: '', ...coordinates }, ['Shanghai'])!.km;
    expect(await site(id)).toMatchObject({ distanceKm: expectedKm, distanceBasis: 'SITE_COORDINATES' });
    const run = await dispatch.ok<{ dispatchWorkOrder: { beyondServiceRadiusWorkOrderIds: string[] } }>(DISPATCH_ONE, { id });
    expect(run.dispatchWorkOrder.beyondServiceRadiusWorkOrderIds).toEqual([id]);
  });

  it("pays the engineer by the same distance: a verified partner job within the radius carries the site's km to settlement", async () => {
    const address = '1 Zhongshan Road, Songjiang';
    const expectedKm = estimateSiteDistance({ city: 'Shanghai', address }, ['Shanghai'])!.km;
    expect(expectedKm).toBeGreaterThan(30);
    expect(expectedKm).toBeLessThanOrEqual(50);
    const id = await partnerOrder({ address });
    const run = await dispatch.ok<{ dispatchWorkOrder: { assignedWorkOrderIds: string[] } }>(DISPATCH_ONE, { id });
    expect(run.dispatchWorkOrder.assignedWorkOrderIds).toEqual([id]);

    const [{ engineer_id: engineerId }] = (await dispatch.dataSource.query(`SELECT engineer_id FROM work_order WHERE id = $1`, [id])) as {
      engineer_id: string;
    }[];
    const me = engineerIdentity(engineerId);
    await dispatch.ok(`mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { status } }`, { id }, me);
    await dispatch.ok(
      `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { status } }`,
      { input: { workOrderId: id, installedSerial: 'PX5-SJ-1' } },
      me,
    );
    await dispatch.ok(
      `mutation ($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { status } }`,
      { input: { workOrderId: id, outcome: 'OK' } },
      dispatcher,
    );
    const verified = await eventually(async () => {
      const [event] = await dispatch.outbox('WorkOrderVerified', id);
      expect(event).toBeDefined();
      return event!;
    });
    // engineer-network prices the line in the distance band of exactly this figure (settlement-payout.spec).
    expect(verified.payload).toMatchObject({ distanceKm: expectedKm });
  });

  it('leaves the distance unknown (no self-install offered) where neither coordinates nor a known district are given', async () => {
    const id = await partnerOrder({ address: '1 Garden Road' });
    expect(await site(id)).toMatchObject({ distanceKm: null, distanceBasis: null });
  });
});
