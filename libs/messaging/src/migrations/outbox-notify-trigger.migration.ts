import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's wake-up call, raised by the database itself once per statement that records events: one round
 * trip less for every transaction that records any (the recorder used to send `SELECT pg_notify(…)` after its
 * insert). NOTIFY is delivered at commit and never for a rolled-back transaction, as before; identical
 * notifications of one transaction are folded into one.
 */
export class OutboxNotifyTrigger1764900000000 implements MigrationInterface {
  name = 'OutboxNotifyTrigger1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "outbox_event_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('aftercare_outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "outbox_event_notify" AFTER INSERT ON "outbox_event" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_event_notify"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "outbox_event_notify" ON "outbox_event"`);
    await queryRunner.query(`DROP FUNCTION "outbox_event_notify"()`);
  }
}
