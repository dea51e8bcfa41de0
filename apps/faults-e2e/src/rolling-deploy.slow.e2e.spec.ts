import { Client } from 'pg';
import { eventually, Platform, startPlatform } from '@aftercare/testing';
import { deliveryFigures, registerPartner, report, serviceDatabase, sleep } from './support/faults';
import { formatCounts, PartnerOrderLoad, refusalFigures } from './support/partner-load';
import { createCustomers } from './support/replicas';

const SALES = 'sales';
const DISPATCH = 'service-dispatch';
/** Sales takes partner orders and staff reads and relays OrderPlaced; dispatch consumes it and serves work orders. */
const ROLLED = [SALES, DISPATCH];
const INSTANCES = 2;
/** A staff read across both rolled services (the customer card from sales, its orders' work orders from dispatch). */
const CUSTOMER_WITH_WORK = `query CustomerWithWork($id: ID!) { customer(id: $id) { id city orders { id workOrders { id status } } } }`;

/**
 * Scenario 11: a rolling deploy. Each rolled service runs two instances behind the gateway; each is replaced in
 * turn the way a Deployment's rolling update does it (maxSurge 1, maxUnavailable 0): a new instance started on a
 * port of its own, waited for until ready, then the old one sent SIGTERM. Partner orders and staff reads flow the
 * whole time: no request may fail, no order may be lost or applied twice.
 */
describe('scenario 11: rolling deploy of sales and dispatch, one instance at a time, under partner orders and staff reads', () => {
  let platform: Platform;
  let dispatch: Client;

  beforeAll(async () => {
    platform = await startPlatform(
      'faults-rolling',
      // The load must meet the rollout, not the edge limits.
      {
        ...{ RATE_LIMIT_PARTNER_PER_SECOND: '10000', RATE_LIMIT_PARTNER_BURST: '10000', RATE_LIMIT_STAFF_PER_SECOND: '10000', RATE_LIMIT_STAFF_BURST: '10000' },
        // As deployed (deploy/kubernetes): a retiring instance keeps answering on kept-alive connections past the
        // gateway's 10 s idle timeout, so no connection is closed under a request the gateway is writing.
        SHUTDOWN_LINGER_MS: '11000',
      },
      {
        replicas: Object.fromEntries(ROLLED.map((app) => [app, INSTANCES])),
        // Slots 0-1 the old version, 2-3 the new one: the gateway lists all four from the start.
        maxReplicas: Object.fromEntries(ROLLED.map((app) => [app, 2 * INSTANCES])),
      },
    );
    dispatch = await serviceDatabase(platform, DISPATCH);
  });

  afterAll(async () => {
    await dispatch?.end();
    await platform?.stop();
  });

  it('0 failed requests, lost 0, applied twice 0', async () => {
    const apiKey = await registerPartner(platform, 'FAULTSROLLING');
    const customers = await createCustomers(platform, 'S11', 3);
    let reading = true;
    const reads = { answered: 0, failed: 0, errors: new Map<string, number>(), slowestMs: 0 };
    const readers = customers.map(async (id) => {
      while (reading) {
        const started = Date.now();
        const answer = await platform
          .asStaff(['ADMIN'], CUSTOMER_WITH_WORK, { id })
          .catch((error: Error) => ({ data: undefined, errors: [{ message: `transport: ${error.message}`, extensions: { code: 'CLIENT_TRANSPORT_ERROR' } }] }));
        reads.slowestMs = Math.max(reads.slowestMs, Date.now() - started);
        if (answer.errors?.length || !answer.data) {
          reads.failed += 1;
          const code = String((answer.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? 'NO_DATA');
          reads.errors.set(code, (reads.errors.get(code) ?? 0) + 1);
        } else reads.answered += 1;
        await sleep(50);
      }
    });
    const orders = PartnerOrderLoad.start(platform, apiKey, 'S11', 3, 50);
    await sleep(2_000);

    const steps: string[] = [];
    const rolloutFrom = Date.now();
    for (const app of ROLLED) {
      for (let old = 0; old < INSTANCES; old++) {
        const replacement = old + INSTANCES;
        const started = Date.now();
        await platform.startInstance(app, replacement);
        const ready = Date.now() - started;
        await platform.stopInstance(app, old);
        steps.push(`${app}#${old + 1}->#${replacement + 1}(ready ${ready}ms, old gone ${Date.now() - started - ready}ms)`);
        // Traffic reaches the new instance before the next one is replaced.
        await sleep(1_000);
      }
    }
    const rolloutMs = Date.now() - rolloutFrom;
    await sleep(1_000);
    reading = false;
    const [submissions] = await Promise.all([orders.stop(), ...readers]);
    const refusals = refusalFigures(submissions, []);
    const committed = submissions.flatMap((submission) => (submission.orderId ? [submission.orderId] : []));

    const settledFrom = Date.now();
    let delivery = await deliveryFigures(dispatch, committed);
    await eventually(
      async () => {
        delivery = await deliveryFigures(dispatch, committed);
        expect(delivery.lost).toBe(0);
      },
      60_000,
      500,
    ).catch(() => undefined);

    const figures = {
      rolled: ROLLED.map((app) => `${app}x${INSTANCES}`).join(','),
      rolloutMs,
      steps: steps.join(' '),
      partnerOrders: refusals.submitted,
      staffReads: reads.answered + reads.failed,
      failedRequests: refusals.refused + reads.failed,
      failedBy: formatCounts({ ...refusals.byCode, ...Object.fromEntries(reads.errors) }),
      committed: delivery.committed,
      lost: delivery.lost,
      appliedTwice: delivery.appliedTwice,
      slowestOrderMs: refusals.slowestAnswerMs,
      slowestReadMs: reads.slowestMs,
      settledMs: Date.now() - settledFrom,
      runningAfter: ROLLED.map(
        (app) =>
          `${app}:${platform
            .instances(app)
            .map((instance) => instance.name)
            .join('/')}`,
      ).join(','),
    };
    report('rolling-deploy', figures);

    for (const app of ROLLED) expect(platform.instances(app).map((instance) => instance.name)).toEqual([`${app}#3`, `${app}#4`]);
    expect(figures.partnerOrders).toBeGreaterThan(20);
    expect(figures.staffReads).toBeGreaterThan(20);
    expect(figures.failedRequests).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
  });
});
