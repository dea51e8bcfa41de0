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

/**
 * How many brokers hold each partition of a topic the services create, and how many of them an acks=all
 * write needs. Unset, both follow the cluster (`replicationFor`); KAFKA_REPLICATION_FACTOR and
 * KAFKA_MIN_INSYNC_REPLICAS pin them, e.g. 3 and 2 in production, so a topic created while one broker is
 * away is refused rather than created with fewer copies.
 */
export interface TopicReplicationConfig {
  replicationFactor?: number;
  minInsyncReplicas?: number;
}

export function topicReplicationFor(env: NodeJS.ProcessEnv = process.env): TopicReplicationConfig {
  const count = (name: string) => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
    return value;
  };
  return { replicationFactor: count('KAFKA_REPLICATION_FACTOR'), minInsyncReplicas: count('KAFKA_MIN_INSYNC_REPLICAS') };
}
