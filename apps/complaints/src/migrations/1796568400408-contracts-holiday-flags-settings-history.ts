import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts complaints may dispute (a read model from sales' events; the contracts already in a dispute are known
 * from it); the settings' audit trail; holidays per policy for back-office clocks only (the hotline runs 365 days,
 * so no seeded policy observes them); and the opinion deadline no longer copied onto the complaint — it is the
 * OPINION clock's own.
 */
export class ContractsHolidayFlagsSettingsHistory1796568400408 implements MigrationInterface {
  name = 'ContractsHolidayFlagsSettingsHistory1796568400408';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contract_fact" ("id" uuid NOT NULL, "customer_id" uuid NOT NULL, CONSTRAINT "PK_99fd88bb6407bb2035d26b80dbc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "settings_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "subject" text NOT NULL, "before" jsonb, "after" jsonb, "changed_by" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30ffb201ca18a6a1aadaaba67bf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_settings_change_kind" ON "settings_change" ("kind", "changed_at") `);
    await queryRunner.query(`INSERT INTO "contract_fact" ("id", "customer_id") SELECT DISTINCT ON ("contract_id") "contract_id", "customer_id" FROM "dispute" ORDER BY "contract_id", "opened_at"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "opinion_due_at"`);
    await queryRunner.query(`ALTER TABLE "sla_policy" ADD "back_office_observes_holidays" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "sla_clock" ADD "observes_holidays" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sla_clock" DROP COLUMN "observes_holidays"`);
    await queryRunner.query(`ALTER TABLE "sla_policy" DROP COLUMN "back_office_observes_holidays"`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD "opinion_due_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "complaint" c SET "opinion_due_at" = k."due_at" FROM "sla_clock" k WHERE k."complaint_id" = c."id" AND k."kind" = 'OPINION' AND k."round" = 0`);
    await queryRunner.query(`DROP INDEX "public"."ix_settings_change_kind"`);
    await queryRunner.query(`DROP TABLE "settings_change"`);
    await queryRunner.query(`DROP TABLE "contract_fact"`);
  }
}
