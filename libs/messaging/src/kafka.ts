import { Kafka, logLevel } from 'kafkajs';
import { MessagingConfig } from './messaging-config';

/**
 * kafkajs logs every retry at ERROR while a broker is down; the outbox and consumer loops already
 * report that once in our own log, so the client speaks only when nothing is retrying it.
 */
export function createKafka(config: MessagingConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 5 },
  });
}
