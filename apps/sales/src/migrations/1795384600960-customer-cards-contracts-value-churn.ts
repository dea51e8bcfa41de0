import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerCardsContractsValueChurn1795384600960 implements MigrationInterface {
  name = 'CustomerCardsContractsValueChurn1795384600960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "churn_record" ("customer_id" uuid NOT NULL, "reason" text NOT NULL, "controllable" boolean NOT NULL, "churned_on" date NOT NULL, "notes" text NOT NULL, "attribution" text NOT NULL, "evidence" jsonb NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cce3fefe11cfe236f9e9b1782ad" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_churn_record_churned_on" ON "churn_record" ("churned_on") `);
    await queryRunner.query(`CREATE TABLE "salesperson" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "team" text NOT NULL, "status" text NOT NULL DEFAULT 'ACTIVE', "departed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1a5b9a1f6f6eaf3f0d720a162b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "customer_value" ("customer_id" uuid NOT NULL, "value_index" smallint, "tier" text, "breakdown" jsonb, "quality_factor" smallint, "quality_doubtful" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36c185e42eb07a0189c4d590bed" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`CREATE TABLE "customer_value_fact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "kind" text NOT NULL, "subject_id" text NOT NULL, "amount_cents" integer NOT NULL DEFAULT '0', "score" smallint NOT NULL DEFAULT '0', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c53c41f0cdbf5f78055e9a2073" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_customer_value_fact_customer" ON "customer_value_fact" ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_value_fact_subject" ON "customer_value_fact" ("kind", "subject_id") `);
    await queryRunner.query(`CREATE TABLE "customer_grade_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "from_grade" text, "to_grade" text NOT NULL, "changed_by" text NOT NULL, "reason" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf473ca9785dc6da4f3363606e7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_customer_grade_change_customer" ON "customer_grade_change" ("customer_id", "changed_at") `);
    await queryRunner.query(`CREATE TABLE "maintenance_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "logged_by" text NOT NULL, "kind" text NOT NULL, "initiated_by" text NOT NULL DEFAULT 'SALES', "contacted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text, "notes" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44567d21758d821ce2879a651ca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_maintenance_contact_customer" ON "maintenance_contact" ("customer_id", "contacted_at") `);
    await queryRunner.query(`CREATE TABLE "reference_price" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region" text NOT NULL, "business_type" text NOT NULL, "service_item" text NOT NULL, "reference_price_cents" integer NOT NULL, "band_percent" smallint NOT NULL, "floor_cents" integer NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c497bc00b1e9299c1f1e54f8127" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reference_price" ON "reference_price" ("region", "business_type", "service_item") `);
    await queryRunner.query(`CREATE TABLE "promise_template" ("business_type" text NOT NULL, "visits_per_month" smallint NOT NULL, "quality_standard" text NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8359626552d083332064fc4debe" PRIMARY KEY ("business_type"))`);
    await queryRunner.query(`CREATE TABLE "company_setting" ("name" text NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_0c6ad185eab0754747a63921a9f" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE TABLE "reference_data_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject" text NOT NULL, "before" jsonb, "after" jsonb NOT NULL, "changed_by" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe1ca5d0b8a3383bff69a5e592f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_reference_data_change_kind" ON "reference_data_change" ("kind", "changed_at") `);
    await queryRunner.query(`CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "region" text NOT NULL, "city" text NOT NULL, "site_address" text NOT NULL, "business_type" text NOT NULL, "signed_area_m2" double precision NOT NULL, "service_items" jsonb NOT NULL, "visits_per_month" smallint NOT NULL, "quality_standard" text NOT NULL, "monthly_price_cents" integer NOT NULL, "reference_monthly_cents" integer NOT NULL, "starts_on" date NOT NULL, "status" text NOT NULL DEFAULT 'PENDING_REVIEW', "promise_approval_id" uuid, "special_customer" boolean NOT NULL, "special_reasons" text array NOT NULL, "area_tolerance_percent" smallint NOT NULL, "measured_area_m2" double precision, "disputed" boolean NOT NULL DEFAULT false, "dispute_ruling" text, "review_findings" text array NOT NULL DEFAULT '{}', "reviewed_by" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_contract_promise_approval" ON "contract" ("promise_approval_id") WHERE promise_approval_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_contract_customer" ON "contract" ("customer_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "promise_approval" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "visits_per_month" smallint NOT NULL, "quality_standard" text NOT NULL, "note" text NOT NULL, "approved_by" text NOT NULL, "approved_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cd8b2b18d6a610a03fbb17e7164" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "customer_owner_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "from_owner_id" uuid, "to_owner_id" uuid NOT NULL, "reason" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8925db75818bc4979b3d24e04c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_customer_owner_change_customer" ON "customer_owner_change" ("customer_id", "changed_at") `);
    await queryRunner.query(`CREATE TABLE "order_refund" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_312fcfa56a940659b659e400b7e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_order_refund_order" ON "order_refund" ("order_id") `);
    await queryRunner.query(`ALTER TABLE "customer" ADD "region" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "business_type" text NOT NULL DEFAULT 'HOUSEHOLD'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "scale" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "influence" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "grade" text NOT NULL DEFAULT 'F'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "key" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "owner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "referred_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "service_contact_id" text`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "contacts" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "sites" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`CREATE INDEX "ix_customer_referred_by" ON "customer" ("referred_by_id") `);
    await queryRunner.query(`CREATE INDEX "ix_customer_owner_created" ON "customer" ("owner_id", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_customer_owner_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customer_referred_by"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "sites"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "contacts"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "service_contact_id"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "referred_by_id"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "owner_id"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "key"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "grade"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "influence"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "scale"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "business_type"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "region"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_refund_order"`);
    await queryRunner.query(`DROP TABLE "order_refund"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customer_owner_change_customer"`);
    await queryRunner.query(`DROP TABLE "customer_owner_change"`);
    await queryRunner.query(`DROP TABLE "promise_approval"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_customer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_contract_promise_approval"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reference_data_change_kind"`);
    await queryRunner.query(`DROP TABLE "reference_data_change"`);
    await queryRunner.query(`DROP TABLE "company_setting"`);
    await queryRunner.query(`DROP TABLE "promise_template"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reference_price"`);
    await queryRunner.query(`DROP TABLE "reference_price"`);
    await queryRunner.query(`DROP INDEX "public"."ix_maintenance_contact_customer"`);
    await queryRunner.query(`DROP TABLE "maintenance_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customer_grade_change_customer"`);
    await queryRunner.query(`DROP TABLE "customer_grade_change"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_value_fact_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customer_value_fact_customer"`);
    await queryRunner.query(`DROP TABLE "customer_value_fact"`);
    await queryRunner.query(`DROP TABLE "customer_value"`);
    await queryRunner.query(`DROP TABLE "salesperson"`);
    await queryRunner.query(`DROP INDEX "public"."ix_churn_record_churned_on"`);
    await queryRunner.query(`DROP TABLE "churn_record"`);
  }
}
