import { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfInstallRefunds1795384201556 implements MigrationInterface {
  name = 'SelfInstallRefunds1795384201556';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "self_install_refund" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_order_id" uuid NOT NULL, "order_id" uuid, "customer_id" uuid NOT NULL, "city" text NOT NULL, "amount_cents" integer NOT NULL, "distance_km" double precision NOT NULL, "approved_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ff2f8fddce3da9999f6311c59a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_self_install_refund_approved" ON "self_install_refund" ("approved_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_self_install_refund_work_order" ON "self_install_refund" ("work_order_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_self_install_refund_work_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_self_install_refund_approved"`);
    await queryRunner.query(`DROP TABLE "self_install_refund"`);
  }
}
