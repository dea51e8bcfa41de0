import { MigrationInterface, QueryRunner } from 'typeorm';

export class SettlementLineCustomerDueCollected1796568150452 implements MigrationInterface {
  name = 'SettlementLineCustomerDueCollected1796568150452';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "settlement_line" ADD "customer_due_cents" integer`);
    await queryRunner.query(`ALTER TABLE "settlement_line" ADD "customer_collected_cents" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "settlement_line" DROP COLUMN "customer_collected_cents"`);
    await queryRunner.query(`ALTER TABLE "settlement_line" DROP COLUMN "customer_due_cents"`);
  }
}
