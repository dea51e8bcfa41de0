import { MigrationInterface, QueryRunner } from 'typeorm';

export class BackupTasks1795384093946 implements MigrationInterface {
  name = 'BackupTasks1795384093946';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "backup_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_order_id" uuid NOT NULL, "work_type" text NOT NULL, "city" text NOT NULL, "brand" text, "product_model" text, "deadline" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status" text NOT NULL, "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "engineer_id" uuid, "hours_to_fill" double precision, CONSTRAINT "PK_da86c434f058d1257df2f651c3b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_backup_task_status" ON "backup_task" ("status", "deadline") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_backup_task_work_order" ON "backup_task" ("work_order_id") `);
    await queryRunner.query(`CREATE TABLE "neighbouring_city" ("city" text NOT NULL, "neighbour" text NOT NULL, CONSTRAINT "PK_b859e469ed2ffce0b982f434be9" PRIMARY KEY ("city", "neighbour"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "neighbouring_city"`);
    await queryRunner.query(`DROP INDEX "public"."uq_backup_task_work_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_backup_task_status"`);
    await queryRunner.query(`DROP TABLE "backup_task"`);
  }
}
