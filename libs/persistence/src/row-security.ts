import { DataSource, EntityManager } from 'typeorm';

/**
 * Who a transaction works for, as PostgreSQL row-level security sees it: the settings
 * `aftercare.caller_kind` and `aftercare.partner_id`, which policies read with current_setting(…, true).
 */
export type RowSecurityCaller = { kind: 'partner'; partnerId: string } | { kind: 'staff' } | { kind: 'system' };

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function plainRole(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`not a plain role name: ${role}`);
  return role;
}

function quotedRole(role: string): string {
  return `"${plainRole(role)}"`;
}

/**
 * Runs work in one transaction as the runtime role (neither owner nor BYPASSRLS, so the policies apply) with
 * the caller's tenant. Role and settings are transaction-local (`SET LOCAL`): they end with the transaction, so a pooled
 * connection never carries one caller's tenant into the next request. The service still connects as the
 * owner (migrations, consumers, the outbox relay); only the work passed here is confined.
 */
export function asRowSecurityCaller<T>(
  dataSource: DataSource,
  runtimeRole: string,
  caller: RowSecurityCaller,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    // set_config('role', …, true) is SET LOCAL ROLE: role and caller in one round trip, on every confined request.
    await manager.query(`SELECT set_config('role', $1, true), set_config('aftercare.caller_kind', $2, true), set_config('aftercare.partner_id', $3, true)`, [
      plainRole(runtimeRole),
      caller.kind,
      caller.kind === 'partner' ? caller.partnerId : '',
    ]);
    return work(manager);
  });
}

/**
 * Migration SQL for the runtime role: NOLOGIN, not a superuser, no BYPASSRLS, owning nothing; it may read and
 * write this database's tables (now and those later migrations create), and whoever runs the migrations
 * (the service's own login) may SET ROLE to it. Roles are cluster-wide, so several databases (and parallel
 * test runs) share it: creating it tolerates a concurrent creator.
 */
export function runtimeRoleSql(role: string): string[] {
  const quoted = quotedRole(role);
  return [
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${quoted} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`,
    `DO $$ BEGIN
      EXECUTE format('GRANT ${quoted} TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR invalid_grant_operation THEN NULL;
    END $$`,
    `GRANT USAGE ON SCHEMA public TO ${quoted}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoted}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${quoted}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${quoted}`,
  ];
}

/**
 * Migration SQL for a partner-owned table: a partner caller sees and writes only rows whose `partnerColumn`
 * is its own id; staff and system callers pass by their caller kind; a transaction that set no caller sees
 * nothing (fail closed). Applies to the runtime role only; the owner is not subject to it.
 */
export function partnerRowPolicySql(table: string, partnerColumn: string, role: string): string[] {
  const rule = `current_setting('aftercare.caller_kind', true) IN ('staff', 'system')
    OR (current_setting('aftercare.caller_kind', true) = 'partner' AND "${partnerColumn}"::text = current_setting('aftercare.partner_id', true))`;
  return [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY "${table}_by_partner" ON "${table}" FOR ALL TO ${quotedRole(role)} USING (${rule}) WITH CHECK (${rule})`,
  ];
}
