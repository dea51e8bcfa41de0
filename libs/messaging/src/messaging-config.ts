export interface MessagingConfig {
  brokers: string[];
  clientId: string;
  /**
   * Prepended to every topic and consumer group. Empty in production; tests and side-by-side
   * environments use it so they never read each other's events.
   */
  namespace: string;
  /**
   * How a consumer fetches: the broker answers a fetch once `minBytes` have gathered or `maxWaitMs` have passed.
   * Waiting a little instead of answering at the first event makes batches of what arrives meanwhile (one
   * transaction and one fetch for many events instead of one each); the price is up to `maxWaitMs` of latency
   * per hop when traffic is light.
   */
  fetch: { minBytes: number; maxWaitMs: number };
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
    fetch: {
      minBytes: wholeNumber(env, 'KAFKA_FETCH_MIN_BYTES', 1) ?? 64 * 1024,
      maxWaitMs: wholeNumber(env, 'KAFKA_FETCH_WAIT_MS', 0) ?? 25,
    },
  };
}

/** The setting `name` as a whole number of at least `least`; undefined when it is not set. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, least: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number of at least ${least}, not "${raw}"`);
  return value;
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
  return { replicationFactor: wholeNumber(env, 'KAFKA_REPLICATION_FACTOR', 1), minInsyncReplicas: wholeNumber(env, 'KAFKA_MIN_INSYNC_REPLICAS', 1) };
}
