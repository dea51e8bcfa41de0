import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chinaDayFromToday } from '@aftercare/business-time';
import { eventually, Platform, startPlatform, TEST_AUTH_JWT_SECRET, WORKSPACE_ROOT } from '@aftercare/testing';
import { asPartnerById } from './support/operations';

const run = promisify(execFile);

/**
 * A newcomer's first minute: `npm run seed` against a running platform, then real queries with what it printed.
 * The seed promises a working day: the dispatcher's run assigns every job booked for today but the one in a city
 * nobody covers (Wuhan), and every role's inbox has work waiting for the token it printed.
 */
describe('the demo seed tool', () => {
  let platform: Platform;
  let directory: string;

  beforeAll(async () => {
    platform = await startPlatform('e2e-seed');
    directory = mkdtempSync(join(tmpdir(), 'seed-'));
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  function seed() {
    return run(process.execPath, ['tools/run-ts.js', 'tools/seed/seed.ts'], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        GATEWAY_URL: platform.gatewayUrl,
        AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET,
        SEED_CREDENTIALS_FILE: join(directory, 'dev-credentials.json'),
      },
    });
  }

  it('loads partners, orders, engineers, plans and complaints, prints working credentials, and can run again', async () => {
    const first = await seed();
    const keys = JSON.parse(readFileSync(join(directory, 'dev-credentials.json'), 'utf8')).partners as Record<string, string>;
    expect(Object.keys(keys).sort()).toEqual(['PHILIPS', 'XIAOMI']);
    expect(first.stdout).toContain(keys['PHILIPS']);
    expect(first.stdout).toMatch(/ADMIN\s+eyJ/);

    const again = await seed();
    expect(again.stdout).toContain(keys['PHILIPS']);

    // Philips' 4 orders waiting in the queue plus its 5 jobs booked for today, each once however often the seed ran.
    type MyOrders = { myOrders: { edges: { node: { id: string; externalRef: string } }[] } };
    const orders = await asPartnerById<MyOrders>(platform.gatewayUrl, keys['PHILIPS']!, 'MyOrders', { first: 50 });
    const refs = orders.data!.myOrders.edges.map((edge) => edge.node.externalRef);
    expect(refs).toHaveLength(9);
    expect(new Set(refs).size).toBe(9);
    expect(refs.filter((ref) => ref.startsWith('PH-TODAY-'))).toHaveLength(5);
    const firstOrder = orders.data!.myOrders.edges[0]!.node.id;
    await eventually(async () => {
      const response = await asPartnerById<{ order: { workOrders: { type: string }[] } }>(platform.gatewayUrl, keys['PHILIPS']!, 'Order', { id: firstOrder });
      expect(response.data!.order.workOrders.map((workOrder) => workOrder.type)).toEqual(['INSTALL']);
    }, 30000);

    const plan = await platform.asStaff<{ consumablePlan: { stages: { intervalMonths: number }[] } }>(
      ['DISPATCHER'],
      `{ consumablePlan(productModel: "AquaPure X5") { stages { intervalMonths } } }`,
    );
    expect(plan.data!.consumablePlan.stages.map((stage) => stage.intervalMonths)).toEqual([3, 6, 24]);

    // The day's dispatch: all of today's booked jobs find an engineer except the one nobody covers (Wuhan).
    const today = chinaDayFromToday(0);
    type Day = { workOrdersOn: { id: string; city: string; status: string; engineerId: string | null }[] };
    const day = await eventually(async () => {
      const run = await platform.asStaff(['DISPATCHER'], `mutation ($date: Date!) { dispatchDay(date: $date) { date } }`, { date: today });
      expect(run.errors).toBeUndefined();
      const board = await platform.asStaff<Day>(['DISPATCHER'], `query ($date: Date!) { workOrdersOn(date: $date) { id city status engineerId } }`, {
        date: today,
      });
      const jobs = board.data!.workOrdersOn;
      // Nine jobs booked for today across both brands and six cities.
      expect(jobs).toHaveLength(9);
      expect(jobs.filter((job) => job.engineerId === null).map((job) => job.city)).toEqual(['Wuhan']);
      return jobs;
    }, 30000);
    expect(day.filter((job) => job.engineerId).every((job) => job.status === 'ASSIGNED')).toBe(true);

    // Every inbox has work for the token the seed printed.
    const printedToken = (role: string) => new RegExp(`${role}\\s+(eyJ[\\w.-]+)`).exec(first.stdout)?.[1];
    const asPrinted = async <T>(role: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${printedToken(role)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data!;
    };
    const complaints = await asPrinted<{ complaintInbox: { edges: unknown[] } }>('COMPLAINTS_AGENT', `{ complaintInbox(first: 50) { edges { node { id } } } }`);
    expect(complaints.complaintInbox.edges.length).toBeGreaterThan(0);
    const callbacks = await asPrinted<{ openCallbacks: unknown[] }>('COMPLAINTS_AGENT', `{ openCallbacks(first: 50) { id } }`);
    expect(callbacks.openCallbacks.length).toBeGreaterThan(0);
    const calls = await asPrinted<{ myCallQueue: unknown[] }>('VALUE_ADDED_AGENT', `{ myCallQueue(includeLater: true) { id } }`);
    expect(calls.myCallQueue.length).toBeGreaterThan(0);
    const supervisor = await asPrinted<{ contracts: { edges: unknown[] }; disputes: unknown[]; promiseApprovalRequests: { edges: unknown[] } }>(
      'SUPERVISOR',
      `{ contracts(awaitingReview: true, first: 50) { edges { node { id } } } disputes(status: OPEN) { id } promiseApprovalRequests(status: AWAITING_SUPERVISOR, first: 50) { edges { node { id } } } }`,
    );
    expect(supervisor.contracts.edges.length).toBeGreaterThan(0);
    expect(supervisor.disputes.length).toBeGreaterThan(0);
    expect(supervisor.promiseApprovalRequests.edges.length).toBeGreaterThan(0);
    const engineer = await asPrinted<{ myWorkOrders: unknown[] }>('ENGINEER', `query ($date: Date) { myWorkOrders(date: $date) { id } }`, { date: today });
    expect(engineer.myWorkOrders.length).toBeGreaterThan(0);
  });
});
