import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asRowSecurityCaller, RowSecurityCaller } from '@aftercare/persistence';
import { ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { salesService } from '../sales.definition';
import { SALES_RUNTIME_ROLE } from './row-security';

/**
 * The backstop under the service's own partner filters: PostgreSQL row-level security on sales_order for the
 * runtime role, the tenant set per transaction with SET LOCAL — proven on ONE pooled connection that
 * alternates partners, so nothing one transaction set can leak into the next.
 */
describe('row-level security on partner orders (sales, real PostgreSQL)', () => {
  let sales: ServiceUnderTest;
  let pool: DataSource;
  const partnerA = randomUUID();
  const partnerB = randomUUID();

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    const owner = sales.service.dataSource;
    const [customer] = (await owner.query(
      `INSERT INTO customer (name, phone, city, address, region, business_type, scale, influence, grade, key)
       VALUES ('RLS Customer', '13900001111', 'Suzhou', '1 Policy Road', 'East', 'RESTAURANT', 1, 1, 'C', false) RETURNING id`,
    )) as { id: string }[];
    for (const [partnerId, refs] of [
      [partnerA, ['A-1', 'A-2']],
      [partnerB, ['B-1']],
    ] as const) {
      for (const ref of refs) {
        await owner.query(
          `INSERT INTO sales_order (channel, status, partner_id, external_ref, product_model, customer_id, site_address, city)
           VALUES ('PARTNER', 'PLACED', $1, $2, 'X5', $3, '1 Policy Road', 'Suzhou')`,
          [partnerId, ref, customer!.id],
        );
      }
    }
    await owner.query(
      `INSERT INTO sales_order (channel, status, product_model, customer_id, site_address, city) VALUES ('PHONE', 'PLACED', 'X5', $1, '1 Policy Road', 'Suzhou')`,
      [customer!.id],
    );
    // One connection in the pool: every transaction below reuses it.
    const options = owner.options as { url: string };
    pool = new DataSource({ type: 'postgres', url: options.url, extra: { max: 1 } });
    await pool.initialize();
  });

  afterAll(async () => {
    await pool?.destroy();
    await sales?.stop();
  });

  const refsAs = (caller: RowSecurityCaller) =>
    asRowSecurityCaller(pool, SALES_RUNTIME_ROLE, caller, async (manager) => {
      const [backend] = (await manager.query('SELECT pg_backend_pid() AS pid, current_user AS role')) as { pid: number; role: string }[];
      // No partner filter in the query: only the policy decides what comes back.
      const rows = (await manager.query(`SELECT external_ref FROM sales_order ORDER BY external_ref NULLS LAST`)) as { external_ref: string | null }[];
      return { pid: backend!.pid, role: backend!.role, refs: rows.map((row) => row.external_ref) };
    });

  it('runs as a role that is neither the owner nor BYPASSRLS, with row security on sales_order', async () => {
    const [role] = await pool.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1`, [SALES_RUNTIME_ROLE]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const [table] = await pool.query(
      `SELECT c.relrowsecurity, pg_get_userbyid(c.relowner) AS owner FROM pg_class c WHERE c.relname = 'sales_order' AND c.relkind = 'r'`,
    );
    expect(table.relrowsecurity).toBe(true);
    expect(table.owner).not.toBe(SALES_RUNTIME_ROLE);
  });

  it('shows each partner only its own orders on one pooled connection alternating partners, and nothing carries over', async () => {
    const pids = new Set<number>();
    for (let round = 0; round < 3; round += 1) {
      const a = await refsAs({ kind: 'partner', partnerId: partnerA });
      const b = await refsAs({ kind: 'partner', partnerId: partnerB });
      const staff = await refsAs({ kind: 'staff' });
      for (const seen of [a, b, staff]) {
        pids.add(seen.pid);
        expect(seen.role).toBe(SALES_RUNTIME_ROLE);
      }
      expect(a.refs).toEqual(['A-1', 'A-2']);
      expect(b.refs).toEqual(['B-1']);
      expect(staff.refs).toEqual(['A-1', 'A-2', 'B-1', null]);
      // Between transactions the connection is the owner again, with no tenant left behind.
      const [after] = await pool.query(`SELECT current_user = $1 AS runtime, current_setting('aftercare.partner_id', true) AS tenant`, [SALES_RUNTIME_ROLE]);
      expect(after.runtime).toBe(false);
      expect(after.tenant ?? '').toBe('');
    }
    expect(pids.size).toBe(1);
  });

  it('fails closed: the runtime role with no caller set, or an unknown caller kind, sees no order', async () => {
    const rows = await pool.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${SALES_RUNTIME_ROLE}`);
      return manager.query(`SELECT id FROM sales_order`);
    });
    expect(rows).toEqual([]);
    const forged = await pool.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${SALES_RUNTIME_ROLE}`);
      await manager.query(`SELECT set_config('aftercare.caller_kind', 'anonymous', true), set_config('aftercare.partner_id', $1, true)`, [partnerA]);
      return manager.query(`SELECT id FROM sales_order`);
    });
    expect(forged).toEqual([]);
  });

  it("refuses a partner writing or moving an order into another partner's rows", async () => {
    await expect(
      asRowSecurityCaller(pool, SALES_RUNTIME_ROLE, { kind: 'partner', partnerId: partnerA }, (manager) =>
        manager.query(
          `INSERT INTO sales_order (channel, status, partner_id, external_ref, product_model, customer_id, site_address, city)
           SELECT 'PARTNER', 'PLACED', $1, 'SMUGGLED', 'X5', customer_id, site_address, city FROM sales_order LIMIT 1`,
          [partnerB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const moved = await asRowSecurityCaller(pool, SALES_RUNTIME_ROLE, { kind: 'partner', partnerId: partnerA }, (manager) =>
      manager.query(`UPDATE sales_order SET status = 'CANCELLED' WHERE external_ref = 'B-1' RETURNING id`),
    );
    expect(moved).toEqual([[], 0]);
    await expect(
      asRowSecurityCaller(pool, SALES_RUNTIME_ROLE, { kind: 'partner', partnerId: partnerA }, (manager) =>
        manager.query(`UPDATE sales_order SET partner_id = $1 WHERE external_ref = 'A-1'`, [partnerB]),
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await refsAs({ kind: 'staff' })).refs).toEqual(['A-1', 'A-2', 'B-1', null]);
  });
});
