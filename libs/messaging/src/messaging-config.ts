export interface MessagingConfig {
  brokers: string[];
  clientId: string;
  /**
   * Prepended to every topic and consumer group. Empty in production; tests and side-by-side
   * environments use it so they never read each other's events.
   */
  namespace: string;
}

export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export function messagingConfigFor(clientId: string, env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  return {
    brokers: (env['KAFKA_BROKERS'] || DEFAULT_KAFKA_BROKERS)
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    clientId,
    namespace: env['KAFKA_NAMESPACE'] ?? '',
  };
}

export function namespaced(config: MessagingConfig, name: string): string {
  return `${config.namespace}${name}`;
}
