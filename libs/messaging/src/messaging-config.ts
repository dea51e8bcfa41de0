export interface MessagingConfig {
  brokers: string[];
  clientId: string;
  /**
   * Prepended to every topic and consumer group. Empty in production; tests and side-by-side
   * environments use it so they never read each other's events.
   */
  namespace: string;
  /**
   * How a consumer fetches. The broker answers a fetch at the first event, or after `idleWaitMs` with nothing:
   * an idle consumer asks about once per `idleWaitMs`, and the first event after a quiet spell is applied at once.
   * After a fetch that brought events, the consumer lets `gatherMs` pass before it fetches again, so what arrives
   * meanwhile comes in one fetch and one transaction rather than one each. A consumer that waited at the broker
   * instead (a minimum of bytes for up to some milliseconds) would ask that often while idle, too.
   */
  fetch: { gatherMs: number; idleWaitMs: number };
  /**
   * A consumer commits the offsets it has applied at most this often, in one request for all its partitions,
   * rather than after every batch. The inbox makes an applied but uncommitted event harmless: delivered again (after
   * a crash or a rebalance), it is skipped. An orderly stop commits everything applied.
   */
  commitIntervalMs: number;
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
      gatherMs: wholeNumber(env, 'KAFKA_FETCH_GATHER_MS', 0) ?? 25,
      // A stop waits for the fetch in flight: kafkajs' default (5 s) is half of what a deployment gives a process.
      idleWaitMs: wholeNumber(env, 'KAFKA_FETCH_IDLE_WAIT_MS', 1) ?? 1000,
    },
    commitIntervalMs: wholeNumber(env, 'KAFKA_COMMIT_INTERVAL_MS', 0) ?? 500,
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
