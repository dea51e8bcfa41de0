import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerApiKeys1795977047833 implements MigrationInterface {
  name = 'PartnerApiKeys1795977047833';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "partner_api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "key_hash" text NOT NULL, "prefix" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_417ff61c6230915966ee0b60341" UNIQUE ("key_hash"), CONSTRAINT "PK_89fe73b6b8e43f5fbe4631ddc8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "partner_api_key_partner" ON "partner_api_key" ("partner_id") `);
    // Every partner's key so far becomes its current key: nothing changes for the brands.
    await queryRunner.query(`INSERT INTO "partner_api_key" ("partner_id", "key_hash", "prefix", "created_at") SELECT "id", "api_key_hash", 'ak_' || lower("code") || '_', "created_at" FROM "partner"`);
    await queryRunner.query(`ALTER TABLE "partner" DROP CONSTRAINT "UQ_81ccf2dcb634dab06317bb3ee2e"`);
    await queryRunner.query(`ALTER TABLE "partner" DROP COLUMN "api_key_hash"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner" ADD "api_key_hash" text`);
    // Back to one key per partner: its newest key that still works (or its newest at all).
    await queryRunner.query(`UPDATE "partner" p SET "api_key_hash" = (SELECT k."key_hash" FROM "partner_api_key" k WHERE k."partner_id" = p."id" ORDER BY (k."revoked_at" IS NULL AND (k."expires_at" IS NULL OR k."expires_at" > now())) DESC, k."created_at" DESC LIMIT 1)`);
    await queryRunner.query(`ALTER TABLE "partner" ALTER COLUMN "api_key_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "partner" ADD CONSTRAINT "UQ_81ccf2dcb634dab06317bb3ee2e" UNIQUE ("api_key_hash")`);
    await queryRunner.query(`DROP INDEX "public"."partner_api_key_partner"`);
    await queryRunner.query(`DROP TABLE "partner_api_key"`);
  }
}
