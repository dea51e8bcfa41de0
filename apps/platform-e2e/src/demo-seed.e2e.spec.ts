import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, Platform, startPlatform, TEST_AUTH_JWT_SECRET, WORKSPACE_ROOT } from '@aftercare/testing';
import { asPartnerById } from './support/operations';

const run = promisify(execFile);

/** A newcomer's first minute: `npm run seed` against a running platform, then a real query with what it printed. */
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

    type MyOrders = { myOrders: { edges: { node: { id: string; externalRef: string } }[] } };
    const orders = await asPartnerById<MyOrders>(platform.gatewayUrl, keys['PHILIPS']!, 'MyOrders');
    expect(orders.data!.myOrders.edges).toHaveLength(4);
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
  });
});
