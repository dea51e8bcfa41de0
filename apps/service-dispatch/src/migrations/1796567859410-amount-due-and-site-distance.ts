import { MigrationInterface, QueryRunner } from 'typeorm';

export class AmountDueAndSiteDistance1796567859410 implements MigrationInterface {
  name = 'AmountDueAndSiteDistance1796567859410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_order" ADD "stage_prices" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "amount_due_cents" integer`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "distance_basis" text`);
    await queryRunner.query(`ALTER TABLE "roster_engineer" ADD "home_city" text`);
    // Every distance known before this migration was given by a dispatcher (or copied from such a job).
    await queryRunner.query(`UPDATE "work_order" SET "distance_basis" = 'DISPATCHER' WHERE "distance_km" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "roster_engineer" DROP COLUMN "home_city"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "distance_basis"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "amount_due_cents"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "stage_prices"`);
  }
}
