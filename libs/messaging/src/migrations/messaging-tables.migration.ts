import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables; every service database gets them through the service runtime. */
export class MessagingTables1763800000000 implements MigrationInterface {
  name = 'MessagingTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_event" (
        "sequence" BIGSERIAL PRIMARY KEY,
        "event_id" uuid NOT NULL,
        "topic" text NOT NULL,
        "message_key" text NOT NULL,
        "event_type" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        CONSTRAINT "uq_outbox_event_event_id" UNIQUE ("event_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_event_unpublished" ON "outbox_event" ("sequence") WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "inbox_event" (
        "consumer" text NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_inbox_event" PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox_event"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
