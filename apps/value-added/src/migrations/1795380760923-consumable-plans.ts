import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsumablePlans1795380760923 implements MigrationInterface {
  name = 'ConsumablePlans1795380760923';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "consumable_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_model" text NOT NULL, "brand" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_20143d9bb67ae51f445fca37914" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_consumable_plan_product_model" ON "consumable_plan" ("product_model") `);
    await queryRunner.query(`CREATE TABLE "consumable_stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "name" text NOT NULL, "interval_months" integer NOT NULL, "price_cents" integer NOT NULL, CONSTRAINT "PK_86543bc1eb3de8afbebeda30abd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_consumable_stage_plan_name" ON "consumable_stage" ("plan_id", "name") `);
    await queryRunner.query(`ALTER TABLE "consumable_stage" ADD CONSTRAINT "FK_5290a1f2f676e8f83c4c6f6670f" FOREIGN KEY ("plan_id") REFERENCES "consumable_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consumable_stage" DROP CONSTRAINT "FK_5290a1f2f676e8f83c4c6f6670f"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consumable_stage_plan_name"`);
    await queryRunner.query(`DROP TABLE "consumable_stage"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consumable_plan_product_model"`);
    await queryRunner.query(`DROP TABLE "consumable_plan"`);
  }
}
