import { MigrationInterface, QueryRunner } from 'typeorm';

export class SettlementTariffsHoldsPayouts1795383782288 implements MigrationInterface {
  name = 'SettlementTariffsHoldsPayouts1795383782288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payout_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_end" date NOT NULL, "total_cents" bigint NOT NULL, "line_count" integer NOT NULL, "paid_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e42d67d79e286188a04a6c42a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payout_batch_period" ON "payout_batch" ("period_end") `);
    await queryRunner.query(`CREATE TABLE "payout" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "engineer_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "line_count" integer NOT NULL, CONSTRAINT "PK_1cb73ce021dc6618a3818b0a474" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_payout_engineer" ON "payout" ("engineer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payout_engineer" ON "payout" ("batch_id", "engineer_id") `);
    await queryRunner.query(`CREATE TABLE "tariff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_type" text NOT NULL, "brand" text, "distance_from_km" integer NOT NULL, "fee_cents" integer NOT NULL, "effective_from" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "defined_by" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bbeac9df199ea1c22c6dea75c2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_tariff_lookup" ON "tariff" ("work_type", "distance_from_km", "effective_from") `);
    await queryRunner.query(`CREATE TABLE "settlement_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "engineer_id" uuid NOT NULL, "kind" text NOT NULL, "work_order_id" uuid, "complaint_id" uuid, "work_type" text, "brand" text, "product_model" text, "city" text, "distance_km" double precision, "tariff_id" uuid, "amount_cents" integer NOT NULL, "earned_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "payout_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a31fbc8b0efd3c48bd30f7023db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_settlement_line_payout" ON "settlement_line" ("payout_id") `);
    await queryRunner.query(`CREATE INDEX "ix_settlement_line_engineer" ON "settlement_line" ("engineer_id", "earned_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_clawback_complaint" ON "settlement_line" ("complaint_id") WHERE kind = 'CLAWBACK'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_fee_work_order" ON "settlement_line" ("work_order_id") WHERE kind = 'FEE'`);
    await queryRunner.query(`CREATE TABLE "settlement_hold" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text NOT NULL, "source_id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "released_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_aa0533da1d20a8a9d976fc15b49" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_settlement_hold_work_order" ON "settlement_hold" ("work_order_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_hold" ON "settlement_hold" ("source", "source_id", "work_order_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_settlement_hold"`);
    await queryRunner.query(`DROP INDEX "public"."ix_settlement_hold_work_order"`);
    await queryRunner.query(`DROP TABLE "settlement_hold"`);
    await queryRunner.query(`DROP INDEX "public"."uq_settlement_fee_work_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_settlement_clawback_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_engineer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_payout"`);
    await queryRunner.query(`DROP TABLE "settlement_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tariff_lookup"`);
    await queryRunner.query(`DROP TABLE "tariff"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payout_engineer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payout_engineer"`);
    await queryRunner.query(`DROP TABLE "payout"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payout_batch_period"`);
    await queryRunner.query(`DROP TABLE "payout_batch"`);
  }
}
