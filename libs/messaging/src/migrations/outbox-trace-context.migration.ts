import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context of the transaction that recorded an event, so the relay's publish and the consumers'
 * handling join the trace of the request that caused it (null for rows written outside a trace).
 */
export class OutboxTraceContext1764600000000 implements MigrationInterface {
  name = 'OutboxTraceContext1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "trace_context" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "trace_context"`);
  }
}
