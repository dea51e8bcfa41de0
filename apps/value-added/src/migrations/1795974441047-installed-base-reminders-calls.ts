import { MigrationInterface, QueryRunner } from 'typeorm';

export class InstalledBaseRemindersCalls1795974441047 implements MigrationInterface {
  name = 'InstalledBaseRemindersCalls1795974441047';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agent_absence" ("agent_id" text NOT NULL, "day" date NOT NULL, "reason" text, "recorded_by" text NOT NULL, CONSTRAINT "PK_c0c595b5814292ba8fc26d771fb" PRIMARY KEY ("agent_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "call_agent" ("id" text NOT NULL, "name" text NOT NULL, "tier" text NOT NULL, "daily_target" integer NOT NULL DEFAULT '300', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_357f9771ea4951177c9e65a18bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "brand_reminder_service" ("brand_key" text NOT NULL, "brand" text NOT NULL, "opted_in" boolean NOT NULL, "changed_by" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d50c368052e8cb1f058b08dce9" PRIMARY KEY ("brand_key"))`);
    await queryRunner.query(`CREATE TABLE "warranty_term" ("brand_key" text NOT NULL, "product_model_key" text NOT NULL, "brand" text NOT NULL, "months" integer NOT NULL, "defined_by" text NOT NULL, "defined_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9065acd40842cb7448606431ef4" PRIMARY KEY ("brand_key", "product_model_key"))`);
    await queryRunner.query(`CREATE TABLE "call_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "tier" text NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "customer_id" uuid NOT NULL, "device_id" uuid NOT NULL, "stages" text array NOT NULL, "due_on" date NOT NULL, "opened_on" date NOT NULL, "agent_id" text, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "outcome" text, "site_outcome" text, "replacement_order_id" uuid, "parent_task_id" uuid, "priority" integer NOT NULL DEFAULT '2', "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_66c8339ed31bb0507990ae4a0b1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_call_task_status_agent" ON "call_task" ("status", "tier") WHERE agent_id IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_call_task_device_status" ON "call_task" ("device_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_call_task_agent_status" ON "call_task" ("agent_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_call_task_follow_up" ON "call_task" ("parent_task_id") WHERE parent_task_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_call_task_reminder" ON "call_task" ("device_id", "due_on", "opened_on") WHERE kind = 'REMINDER'`);
    await queryRunner.query(`CREATE TABLE "call_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "agent_id" text NOT NULL, "tier" text NOT NULL, "outcome" text NOT NULL, "notes" text, "called_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_07076b3bd2491d1c7e3fd211daa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_call_record_agent" ON "call_record" ("agent_id", "called_at") `);
    await queryRunner.query(`CREATE INDEX "ix_call_record_task" ON "call_record" ("task_id", "called_at") `);
    await queryRunner.query(`CREATE TABLE "installed_device" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" text NOT NULL, "customer_id" uuid NOT NULL, "brand" text NOT NULL, "product_model" text NOT NULL, "city" text NOT NULL, "address" text NOT NULL, "installed_on" date NOT NULL, "install_work_order_id" uuid, "reminder_due_on" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4fb77a13313e706131a7174f94c" UNIQUE ("install_work_order_id"), CONSTRAINT "PK_d98b90f4f5117b2cbbdfeb4ac3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_installed_device_reminder_due" ON "installed_device" ("reminder_due_on") `);
    await queryRunner.query(`CREATE INDEX "ix_installed_device_customer" ON "installed_device" ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_installed_device_serial" ON "installed_device" ("serial") `);
    await queryRunner.query(`CREATE TABLE "stage_clock" ("device_id" uuid NOT NULL, "stage" text NOT NULL, "interval_months" integer NOT NULL, "last_changed_on" date NOT NULL, "next_due_on" date NOT NULL, CONSTRAINT "PK_eae467c164f7a9d672015987d62" PRIMARY KEY ("device_id", "stage"))`);
    await queryRunner.query(`CREATE INDEX "ix_stage_clock_next_due" ON "stage_clock" ("next_due_on") `);
    await queryRunner.query(`CREATE TABLE "replacement_order" ("id" uuid NOT NULL, "task_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "device_id" uuid NOT NULL, "agent_id" text NOT NULL, "brand" text NOT NULL, "stages" jsonb NOT NULL, "amount_cents" integer NOT NULL, "preferred_date" date, "status" text NOT NULL DEFAULT 'ORDERED', "replaced_stages" text array NOT NULL DEFAULT '{}', "collected_cents" integer NOT NULL DEFAULT '0', "work_order_id" uuid, "ordered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_fb8fb6facddccf587136a2facf9" UNIQUE ("task_id"), CONSTRAINT "PK_356191bf4fd74bacb6b4e4f2a0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_replacement_order_agent_closed" ON "replacement_order" ("agent_id", "closed_at") `);
    await queryRunner.query(`CREATE INDEX "ix_replacement_order_device_status" ON "replacement_order" ("device_id", "status") `);
    await queryRunner.query(`CREATE TABLE "stage_price_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "stage_id" uuid NOT NULL, "price_cents" integer NOT NULL, "previous_price_cents" integer, "changed_by" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2074a2456fe1e2416ed3ee6607" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_stage_price_change_stage" ON "stage_price_change" ("stage_id", "changed_at") `);
    await queryRunner.query(`CREATE TABLE "customer_card" ("customer_id" uuid NOT NULL, "name" text, "city" text, "address" text, "value_index" integer, "value_tier" text, "interested_since" TIMESTAMP(3) WITH TIME ZONE, "do_not_call_since" TIMESTAMP(3) WITH TIME ZONE, "wrong_number_since" TIMESTAMP(3) WITH TIME ZONE, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cdf2e629bfdb632e9641a1064c0" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`CREATE TABLE "open_complaint" ("complaint_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "filed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fb1cb56d3793ad625b909c667b2" PRIMARY KEY ("complaint_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_open_complaint_customer" ON "open_complaint" ("customer_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_open_complaint_customer"`);
    await queryRunner.query(`DROP TABLE "open_complaint"`);
    await queryRunner.query(`DROP TABLE "customer_card"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_price_change_stage"`);
    await queryRunner.query(`DROP TABLE "stage_price_change"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replacement_order_device_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replacement_order_agent_closed"`);
    await queryRunner.query(`DROP TABLE "replacement_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_stage_clock_next_due"`);
    await queryRunner.query(`DROP TABLE "stage_clock"`);
    await queryRunner.query(`DROP INDEX "public"."uq_installed_device_serial"`);
    await queryRunner.query(`DROP INDEX "public"."ix_installed_device_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_installed_device_reminder_due"`);
    await queryRunner.query(`DROP TABLE "installed_device"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_record_task"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_record_agent"`);
    await queryRunner.query(`DROP TABLE "call_record"`);
    await queryRunner.query(`DROP INDEX "public"."uq_call_task_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."uq_call_task_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_task_agent_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_task_device_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_task_status_agent"`);
    await queryRunner.query(`DROP TABLE "call_task"`);
    await queryRunner.query(`DROP TABLE "warranty_term"`);
    await queryRunner.query(`DROP TABLE "brand_reminder_service"`);
    await queryRunner.query(`DROP TABLE "call_agent"`);
    await queryRunner.query(`DROP TABLE "agent_absence"`);
  }
}
