import { MigrationInterface, QueryRunner } from 'typeorm';

export class EngineerRegistry1795380710428 implements MigrationInterface {
  name = 'EngineerRegistry1795380710428';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "engineer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "phone" text NOT NULL, "employment" text NOT NULL, "home_city" text NOT NULL, "daily_capacity" integer NOT NULL, "status" text NOT NULL DEFAULT 'ACTIVE', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_304a175a2a86af10ad774a64349" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_engineer_phone" ON "engineer" ("phone") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_engineer_phone"`);
    await queryRunner.query(`DROP TABLE "engineer"`);
  }
}
