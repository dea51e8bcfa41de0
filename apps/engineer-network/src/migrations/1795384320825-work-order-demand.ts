import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkOrderDemand1795384320825 implements MigrationInterface {
  name = 'WorkOrderDemand1795384320825';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "work_order_demand" ("work_order_id" uuid NOT NULL, "city" text NOT NULL, "brand" text NOT NULL, "product_model" text NOT NULL, "demand_date" date NOT NULL, "unplaced" boolean NOT NULL, CONSTRAINT "PK_3f9608ff8a0c1ee5afbf0bd0ab3" PRIMARY KEY ("work_order_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_demand_skill" ON "work_order_demand" ("city", "brand", "product_model", "demand_date") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_demand_skill"`);
    await queryRunner.query(`DROP TABLE "work_order_demand"`);
  }
}
