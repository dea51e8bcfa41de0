import { MigrationInterface, QueryRunner } from 'typeorm';

export class EngineerCoverageSkillsAvailability1795383569174 implements MigrationInterface {
  name = 'EngineerCoverageSkillsAvailability1795383569174';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "engineer_skill" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "engineer_id" uuid NOT NULL, "brand" text NOT NULL, "product_model" text NOT NULL, "certified_on" date NOT NULL, CONSTRAINT "PK_55b77f71390ee2bcea6d0c6601f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_engineer_skill" ON "engineer_skill" ("engineer_id", "brand", "product_model") `);
    await queryRunner.query(`CREATE TABLE "unavailability_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "engineer_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_c5a6cb35e6652304788be03c483" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_unavailability_engineer" ON "unavailability_window" ("engineer_id", "starts_on") `);
    await queryRunner.query(`ALTER TABLE "engineer" ADD "cities" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engineer" DROP COLUMN "cities"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unavailability_engineer"`);
    await queryRunner.query(`DROP TABLE "unavailability_window"`);
    await queryRunner.query(`DROP INDEX "public"."uq_engineer_skill"`);
    await queryRunner.query(`DROP TABLE "engineer_skill"`);
  }
}
