import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchCompletionQualityContracts1795385307192 implements MigrationInterface {
  name = 'DispatchCompletionQualityContracts1795385307192';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "completion_record" ("work_order_id" uuid NOT NULL, "installed_serial" text, "measured_area_m2" double precision, "replaced_stages" text array NOT NULL DEFAULT '{}', "payment_collected_cents" integer NOT NULL DEFAULT '0', "payment_refused" boolean NOT NULL DEFAULT false, "refused_amount_cents" integer NOT NULL DEFAULT '0', "removed_machine" jsonb, "photo_refs" text array NOT NULL DEFAULT '{}', "notes" text, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b06cc15b7c9b717bb9902fd6ec2" PRIMARY KEY ("work_order_id"))`);
    await queryRunner.query(`CREATE TABLE "return_visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_order_id" uuid NOT NULL, "due_on" date NOT NULL, "outcome" text, "notes" text, "recorded_by" text, "recorded_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_87d9f749c618914a9ce15c71ad9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_return_visit_due" ON "return_visit" ("due_on") WHERE outcome IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_return_visit_open" ON "return_visit" ("work_order_id") WHERE outcome IS NULL`);
    await queryRunner.query(`CREATE TABLE "customer_quality" ("customer_id" uuid NOT NULL, "quality_factor" integer NOT NULL, "doubtful" boolean NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7dc0e54fe01c92438a5b94562f7" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`CREATE TABLE "quality_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "customer_id" uuid NOT NULL, "engineer_id" uuid, "work_order_id" uuid, "source_ref" text, "score" integer, "timely" boolean, "notes" text, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00c746ef7e6bb41742e9d2bb69d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_quality_record_engineer" ON "quality_record" ("engineer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_quality_record_customer" ON "quality_record" ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_quality_record_source" ON "quality_record" ("source_ref") `);
    await queryRunner.query(`CREATE TABLE "work_order_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_order_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text, "actor" text NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cd5348a450d48000a5a5f6b546" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_transition_work_order" ON "work_order_transition" ("work_order_id", "at") `);
    await queryRunner.query(`CREATE TABLE "service_contract" ("contract_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "city" text NOT NULL, "site_address" text NOT NULL, "visits_per_month" integer NOT NULL, "starts_on" date NOT NULL, CONSTRAINT "PK_9f736a8ef1f8bb83f57d06260e9" PRIMARY KEY ("contract_id"))`);
    await queryRunner.query(`CREATE TABLE "customer_value" ("customer_id" uuid NOT NULL, "value_index" integer NOT NULL, "tier" text NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36c185e42eb07a0189c4d590bed" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`CREATE TABLE "roster_engineer" ("engineer_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "cities" text array NOT NULL, "skills" jsonb NOT NULL, "daily_capacity" integer NOT NULL, "unavailable" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d730cbdfa0cdefa09f4aa1dbbda" PRIMARY KEY ("engineer_id"))`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "contract_id" uuid`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "source_ref" text`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "brand" text`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "stages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "appointment_date" date`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "appointment_slot" text`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "distance_km" double precision`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "engineer_id" uuid`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "awaiting_backup" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "self_install_offered" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "cancellation_reason" text`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "completed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_engineer" ON "work_order" ("engineer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_work_order_queue" ON "work_order" ("appointment_date", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_work_order_source" ON "work_order" ("source_ref") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_work_order_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_engineer"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "completed_at"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "cancellation_reason"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "self_install_offered"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "awaiting_backup"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "engineer_id"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "distance_km"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "appointment_slot"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "appointment_date"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "stages"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "brand"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "source_ref"`);
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "contract_id"`);
    await queryRunner.query(`DROP TABLE "roster_engineer"`);
    await queryRunner.query(`DROP TABLE "customer_value"`);
    await queryRunner.query(`DROP TABLE "service_contract"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_transition_work_order"`);
    await queryRunner.query(`DROP TABLE "work_order_transition"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quality_record_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quality_record_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quality_record_engineer"`);
    await queryRunner.query(`DROP TABLE "quality_record"`);
    await queryRunner.query(`DROP TABLE "customer_quality"`);
    await queryRunner.query(`DROP INDEX "public"."uq_return_visit_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_return_visit_due"`);
    await queryRunner.query(`DROP TABLE "return_visit"`);
    await queryRunner.query(`DROP TABLE "completion_record"`);
  }
}
