import { todayInChina } from '@aftercare/business-time';
import { StaffRole } from '@aftercare/identity';
import { eventually, Platform, startPlatform } from '@aftercare/testing';
import { installOrderInput, REGISTER_PARTNER, RegisteredPartner, SUBMIT_INSTALL_ORDER, SubmittedOrder } from './support/operations';

const ORDER_JOB = `query ($id: ID!) { order(id: $id) { workOrders { id distanceKm distanceBasis } } }`;
const DISPATCH_ONE = `mutation ($id: ID!) { dispatchWorkOrder(workOrderId: $id) { assignedWorkOrderIds beyondServiceRadiusWorkOrderIds } }`;

/**
 * Self-install for partner orders, every service in its own process: a partner order carries the site's coordinates
 * or only its address; dispatch measures the site's road distance once (to the partner's point, or to the district's
 * reference point), offers self-install beyond the radius, and that same figure reaches engineer-network both as the
 * refund's distance and as the settlement line's distance band.
 */
describe('partner orders: site distance → self-install offer and refund, and the engineer’s distance band', () => {
  let platform: Platform;
  let partnerKey: string;

  async function ok<T>(roles: StaffRole[], query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await platform.asStaff<T>(roles, query, variables);
    if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  /** The partner's order through the gateway, and its install work order once dispatch has it, scheduled. */
  async function partnerInstall(externalRef: string, customer: Record<string, unknown>) {
    const base = installOrderInput(externalRef);
    const submitted = await platform.asPartner<SubmittedOrder>(partnerKey, SUBMIT_INSTALL_ORDER, {
      input: { ...base, customer: { ...base.customer, city: 'Shanghai', ...customer } },
    });
    expect(submitted.errors).toBeUndefined();
    const job = await eventually(async () => {
      const { order } = await ok<{ order: { workOrders: { id: string; distanceKm: number | null; distanceBasis: string | null }[] } }>(
        ['DISPATCHER'],
        ORDER_JOB,
        {
          id: submitted.data!.submitInstallOrder.id,
        },
      );
      expect(order.workOrders).toHaveLength(1);
      return order.workOrders[0]!;
    }, 30000);
    await ok(['DISPATCHER'], `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: job.id, slot: 'MORNING', appointmentDate: base.preferredDate },
    });
    return job;
  }

  beforeAll(async () => {
    platform = await startPlatform('e2e-self-install');
    const registered = await ok<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'PHILIPS', name: 'Philips Water' } });
    partnerKey = registered.registerPartner.apiKey;
  });

  afterAll(() => platform?.stop());

  it("offers self-install for a partner site sent as coordinates beyond the radius; the refund carries dispatch's distance", async () => {
    // A farm on Chongming island; its postal address names no district.
    const job = await partnerInstall('PH-E2E-SI-1', { address: '3 Farm Lane', latitude: 31.75, longitude: 121.6 });
    expect(job.distanceBasis).toBe('SITE_COORDINATES');
    expect(job.distanceKm).toBeGreaterThan(50);

    const { dispatchWorkOrder } = await ok<{ dispatchWorkOrder: { beyondServiceRadiusWorkOrderIds: string[] } }>(['DISPATCHER'], DISPATCH_ONE, { id: job.id });
    expect(dispatchWorkOrder.beyondServiceRadiusWorkOrderIds).toEqual([job.id]);
    await ok(['DISPATCHER'], `mutation ($input: AcceptSelfInstallInput!) { acceptSelfInstall(input: $input) { status } }`, {
      input: { workOrderId: job.id, installFeeCents: 15000 },
    });

    const refund = await eventually(async () => {
      const { selfInstallRefunds } = await ok<{ selfInstallRefunds: { workOrderId: string; amountCents: number; distanceKm: number }[] }>(
        ['DISPATCHER'],
        `query ($day: Date!) { selfInstallRefunds(from: $day, to: $day) { workOrderId amountCents distanceKm } }`,
        { day: todayInChina() },
      );
      const found = selfInstallRefunds.find((candidate) => candidate.workOrderId === job.id);
      expect(found).toBeDefined();
      return found!;
    }, 30000);
    expect(refund).toEqual({ workOrderId: job.id, amountCents: 15000, distanceKm: job.distanceKm });
  });

  it('pays the engineer in the distance band of the same figure for a partner site known only by its district', async () => {
    for (const input of [
      { workType: 'INSTALL', distanceFromKm: 0, feeCents: 8000, effectiveFrom: '2026-01-01T00:00:00Z' },
      { workType: 'INSTALL', distanceFromKm: 30, feeCents: 12000, effectiveFrom: '2026-01-01T00:00:00Z' },
    ]) {
      await ok(['ADMIN'], `mutation ($input: DefineTariffInput!) { defineTariff(input: $input) { id } }`, { input });
    }
    const { registerEngineer } = await ok<{ registerEngineer: { id: string } }>(
      ['DISPATCHER'],
      `mutation { registerEngineer(input: { name: "Liu Yang", phone: "13811110002", employment: EMPLOYEE, homeCity: "Shanghai", dailyCapacity: 6,
        skills: [{ brand: "PHILIPS", productModel: "AquaPure X5", certifiedOn: "2026-01-10" }] }) { id } }`,
    );
    const job = await partnerInstall('PH-E2E-SI-2', { address: '1 Zhongshan Road, Songjiang' });
    expect(job.distanceBasis).toBe('DISTRICT_REFERENCE');
    expect(job.distanceKm).toBeGreaterThan(30);
    expect(job.distanceKm).toBeLessThanOrEqual(50);

    // Once dispatch's roster has the engineer, the job is placed (within the radius).
    await eventually(async () => {
      const { dispatchWorkOrder } = await ok<{ dispatchWorkOrder: { assignedWorkOrderIds: string[] } }>(['DISPATCHER'], DISPATCH_ONE, { id: job.id });
      expect(dispatchWorkOrder.assignedWorkOrderIds).toEqual([job.id]);
    }, 30000);
    await ok(['DISPATCHER'], `mutation ($id: ID!) { startWorkOrder(workOrderId: $id) { id } }`, { id: job.id });
    await ok(['DISPATCHER'], `mutation ($input: CompleteWorkOrderInput!) { completeWorkOrder(input: $input) { id } }`, {
      input: { workOrderId: job.id, installedSerial: 'PX5-E2E-SJ-1' },
    });
    await ok(['DISPATCHER'], `mutation ($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { id } }`, {
      input: { workOrderId: job.id, outcome: 'OK' },
    });

    const line = await eventually(async () => {
      const { settlementLines } = await ok<{ settlementLines: { workOrderId: string; distanceKm: number; amountCents: number }[] }>(
        ['SUPERVISOR'],
        `query ($engineerId: ID!, $day: Date!) { settlementLines(engineerId: $engineerId, from: $day, to: $day) { workOrderId distanceKm amountCents } }`,
        { engineerId: registerEngineer.id, day: todayInChina() },
      );
      expect(settlementLines).toHaveLength(1);
      return settlementLines[0]!;
    }, 30000);
    expect(line).toEqual({ workOrderId: job.id, distanceKm: job.distanceKm, amountCents: 12000 });
  });
});
