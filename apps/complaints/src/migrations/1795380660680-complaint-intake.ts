import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintIntake1795380660680 implements MigrationInterface {
  name = 'ComplaintIntake1795380660680';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "complaint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category" text NOT NULL, "status" text NOT NULL DEFAULT 'RECEIVED', "customer_id" uuid NOT NULL, "order_id" uuid, "work_order_id" uuid, "summary" text NOT NULL, "involves_liability" boolean NOT NULL, "opinion_due_at" TIMESTAMP(3) WITH TIME ZONE, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a9c8dbc2ab4988edcc2ff0a7337" PRIMARY KEY ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "complaint"`);
  }
}
