import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnersCustomersOrders1795380346420 implements MigrationInterface {
  name = 'PartnersCustomersOrders1795380346420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "phone" text NOT NULL, "city" text NOT NULL, "address" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_03846b4bae9df80f19c76005a82" UNIQUE ("phone"), CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "sales_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "status" text NOT NULL DEFAULT 'PLACED', "partner_id" uuid, "external_ref" text, "product_model" text NOT NULL, "customer_id" uuid NOT NULL, "site_address" text NOT NULL, "city" text NOT NULL, "preferred_date" date, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1631a193003bfc4297c61ba38ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_sales_order_partner_created" ON "sales_order" ("partner_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sales_order_partner_external_ref" ON "sales_order" ("partner_id", "external_ref") WHERE external_ref IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "partner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "api_key_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a032a2037d6fa09db7538e54388" UNIQUE ("code"), CONSTRAINT "UQ_81ccf2dcb634dab06317bb3ee2e" UNIQUE ("api_key_hash"), CONSTRAINT "PK_8f34ff11ddd5459eacbfacd48ca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "sales_order" ADD CONSTRAINT "FK_19159556298a9e0b62e2297c555" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sales_order" DROP CONSTRAINT "FK_19159556298a9e0b62e2297c555"`);
    await queryRunner.query(`DROP TABLE "partner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sales_order_partner_external_ref"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sales_order_partner_created"`);
    await queryRunner.query(`DROP TABLE "sales_order"`);
    await queryRunner.query(`DROP TABLE "customer"`);
  }
}
