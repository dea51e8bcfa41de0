import { createKafka } from '../kafka';
import { messagingConfigFor } from '../messaging-config';
import { replayDeadLetters } from './replay-dead-letters';

/** `node tools/run-ts.js libs/messaging/src/dead-letters/replay-cli.ts <service> [eventId …]` (KAFKA_BROKERS, KAFKA_NAMESPACE as the service's). */
async function main(): Promise<void> {
  const [group, ...eventIds] = process.argv.slice(2);
  if (!group) throw new Error('usage: replay-cli.ts <service> [eventId …]');
  const config = messagingConfigFor('aftercare-dead-letter-replay');
  const result = await replayDeadLetters({ kafka: createKafka(config), config, group, eventIds: eventIds.length ? eventIds : undefined });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
