import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerCardsAndBoard1795975895269 implements MigrationInterface {
  name = 'CustomerCardsAndBoard1795975895269';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer_card" ("id" uuid NOT NULL, "city" text NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8da893c651f436f7d0194240c49" PRIMARY KEY ("id"))`);
    // Cards announced before dispatch kept them are not replayed; a customer who already has a work order exists.
    await queryRunner.query(`INSERT INTO "customer_card" ("id", "city") SELECT DISTINCT ON ("customer_id") "customer_id", "city" FROM "work_order" ORDER BY "customer_id", "created_at" DESC`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_created" ON "work_order" ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_work_order_created"`);
    await queryRunner.query(`DROP TABLE "customer_card"`);
  }
}
