import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplacementSerialRefusedAtDoor1795974121263 implements MigrationInterface {
  name = 'ReplacementSerialRefusedAtDoor1795974121263';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "completion_record" ADD "refused_at_door" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "work_order" ADD "serial" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_order" DROP COLUMN "serial"`);
    await queryRunner.query(`ALTER TABLE "completion_record" DROP COLUMN "refused_at_door"`);
  }
}
