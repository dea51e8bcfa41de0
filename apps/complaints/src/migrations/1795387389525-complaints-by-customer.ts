import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintsByCustomer1795387389525 implements MigrationInterface {
  name = 'ComplaintsByCustomer1795387389525';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_complaint_customer" ON "complaint" ("customer_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_complaint_customer"`);
  }
}
