import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { defineEvent } from '@aftercare/event-contracts';
import { createLogger } from '@aftercare/logging';
import { databaseConfigFor, dropDatabase, openServiceDatabase } from '@aftercare/persistence';
import { createKafka } from './kafka';
import { InboxEvent } from './inbox/inbox-event.entity';
import { MessagingConfig, messagingConfigFor } from './messaging-config';
import { messagingMigrations } from './migrations';
import { OutboxEvent } from './outbox/outbox-event.entity';

/** An event of no real service, so these tests exercise the machinery and nothing else. */
export const Noted = defineEvent<{ n: number }>()({ type: 'Noted', version: 1, source: 'sales', aggregateType: 'Note' });

export interface MessagingTestbed {
  dataSource: DataSource;
  kafka: Kafka;
  config: MessagingConfig;
  logger: ReturnType<typeof createLogger>;
  close(): Promise<void>;
}

/** A database with only the outbox and inbox tables (plus `noted`), and a Kafka namespace of its own. */
export async function messagingTestbed(label: string): Promise<MessagingTestbed> {
  const suffix = randomBytes(4).toString('hex');
  const database = databaseConfigFor(`messaging`, { ...process.env, DATABASE_PREFIX: `t_${label}_${suffix}` });
  const dataSource = await openServiceDatabase({
    config: database,
    entities: [OutboxEvent, InboxEvent],
    migrations: messagingMigrations,
  });
  await dataSource.query('CREATE TABLE noted (n int NOT NULL)');
  const config = { ...messagingConfigFor('messaging-test'), namespace: `test.${label}.${suffix}.` };
  return {
    dataSource,
    kafka: createKafka(config),
    config,
    // The tests provoke failures on purpose; their assertions, not the log, say what happened.
    logger: createLogger('messaging-test', undefined, 'silent'),
    close: async () => {
      await dataSource.destroy();
      await dropDatabase(database);
    },
  };
}
