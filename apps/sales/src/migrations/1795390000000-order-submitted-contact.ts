import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderSubmittedContact1795390000000 implements MigrationInterface {
  name = 'OrderSubmittedContact1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sales_order" ADD "submitted_name" text`);
    await queryRunner.query(`ALTER TABLE "sales_order" ADD "submitted_phone" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sales_order" DROP COLUMN "submitted_phone"`);
    await queryRunner.query(`ALTER TABLE "sales_order" DROP COLUMN "submitted_name"`);
  }
}
