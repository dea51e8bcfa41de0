import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerValueHistory1795980264178 implements MigrationInterface {
  name = 'CustomerValueHistory1795980264178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer_value_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "value_index" smallint NOT NULL, "tier" text NOT NULL, "previous_value_index" smallint, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f13387dd5d7440c7892ffc6472" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_customer_value_change_customer" ON "customer_value_change" ("customer_id", "changed_at") `);
    // Cards valued before the history existed start it at their current index, as of its last recomputation.
    await queryRunner.query(
      `INSERT INTO "customer_value_change" ("customer_id", "value_index", "tier", "changed_at") SELECT "customer_id", "value_index", "tier", "updated_at" FROM "customer_value" WHERE "value_index" IS NOT NULL AND "tier" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_customer_value_change_customer"`);
    await queryRunner.query(`DROP TABLE "customer_value_change"`);
  }
}
