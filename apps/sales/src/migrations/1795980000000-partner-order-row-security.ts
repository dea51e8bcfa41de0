import { MigrationInterface, QueryRunner } from 'typeorm';
import { partnerRowPolicySql, runtimeRoleSql } from '@aftercare/persistence';
import { SALES_RUNTIME_ROLE } from '../orders/row-security';

/** Row-level security on partner-owned orders, for the runtime role partner requests run as. */
export class PartnerOrderRowSecurity1795980000000 implements MigrationInterface {
  name = 'PartnerOrderRowSecurity1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...runtimeRoleSql(SALES_RUNTIME_ROLE), ...partnerRowPolicySql('sales_order', 'partner_id', SALES_RUNTIME_ROLE)]) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS "sales_order_by_partner" ON "sales_order"`);
    await queryRunner.query(`ALTER TABLE "sales_order" DISABLE ROW LEVEL SECURITY`);
    // The role is shared by every sales database on the server; its grants here go with this database.
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${SALES_RUNTIME_ROLE}"`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "${SALES_RUNTIME_ROLE}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM "${SALES_RUNTIME_ROLE}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM "${SALES_RUNTIME_ROLE}"`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM "${SALES_RUNTIME_ROLE}"`);
  }
}
