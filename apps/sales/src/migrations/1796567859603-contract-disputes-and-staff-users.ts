import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A salesperson is found by the staff user (token `sub`, any string) they work as — until now the `sub` had to be
 * the salesperson's uuid, so existing salespeople keep theirs. A contract keeps the disputes about it that are open,
 * whoever opened them; before, only an area mismatch marked a contract, so a disputed one is an unruled mismatch.
 */
export class ContractDisputesAndStaffUsers1796567859603 implements MigrationInterface {
  name = 'ContractDisputesAndStaffUsers1796567859603';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "salesperson" ADD "staff_user_id" text`);
    await queryRunner.query(`UPDATE "salesperson" SET "staff_user_id" = "id"::text`);
    await queryRunner.query(`ALTER TABLE "salesperson" ALTER COLUMN "staff_user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "open_dispute_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "area_mismatch_reported" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE "contract" SET "area_mismatch_reported" = true WHERE "disputed"`);
    await queryRunner.query(`ALTER TABLE "salesperson" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_salesperson_staff_user" ON "salesperson" ("staff_user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_salesperson_staff_user"`);
    await queryRunner.query(`ALTER TABLE "salesperson" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "area_mismatch_reported"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "open_dispute_ids"`);
    await queryRunner.query(`ALTER TABLE "salesperson" DROP COLUMN "staff_user_id"`);
  }
}
