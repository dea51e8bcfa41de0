import { MigrationInterface, QueryRunner } from 'typeorm';

export class PromiseApprovalRequests1795976459637 implements MigrationInterface {
  name = 'PromiseApprovalRequests1795976459637';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "promise_approval_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "visits_per_month" smallint NOT NULL, "quality_standard" text NOT NULL, "reason" text NOT NULL, "requested_by" text NOT NULL, "status" text NOT NULL DEFAULT 'AWAITING_SUPERVISOR', "decided_by" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decision_note" text, "approval_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8e3c96013ce84b609594e2d892f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_promise_approval_request_queue" ON "promise_approval_request" ("status", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_promise_approval_request_queue"`);
    await queryRunner.query(`DROP TABLE "promise_approval_request"`);
  }
}
