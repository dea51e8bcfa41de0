import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkOrders1795380373594 implements MigrationInterface {
  name = 'WorkOrders1795380373594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "work_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "status" text NOT NULL DEFAULT 'CREATED', "order_id" uuid, "partner_id" uuid, "customer_id" uuid NOT NULL, "city" text NOT NULL, "site_address" text NOT NULL, "product_model" text, "preferred_date" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0730e63dd523d397530859cb6d1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_order" ON "work_order" ("order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_work_order_customer" ON "work_order" ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_work_order_install_per_order" ON "work_order" ("order_id") WHERE type = 'INSTALL'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_work_order_install_per_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_order"`);
    await queryRunner.query(`DROP TABLE "work_order"`);
  }
}
