import { DataSource } from 'typeorm';
import { Topics } from '@aftercare/event-contracts';
import { createLogger, Logger } from '@aftercare/logging';
import { createKafka, EventConsumer, Outbox, OutboxRelay } from '@aftercare/messaging';
import type { ListeningServer } from '@aftercare/http-server';
import { openServiceDatabase } from '@aftercare/persistence';
import { ServiceContainer } from '@aftercare/subgraph';
import { buildFederatedSchema, printFederatedSchema, startSubgraphServer } from '@aftercare/subgraph-server';
import { ServiceConfig, serviceConfigFrom } from './service-config';
import { serveMetricsApart } from './metrics-server';
import { serviceDatabaseOptions } from './migrate-service';
import { serviceTelemetry } from './service-telemetry';
import type { ServiceDefinition } from './service-definition';

export interface RunningService {
  name: string;
  url: string;
  port: number;
  /** Where GET /metrics is served when METRICS_PORT gave it a port of its own (else on `port`). */
  metricsPort?: number;
  dataSource: DataSource;
  container: ServiceContainer;
  consumer: EventConsumer;
  relay: OutboxRelay;
  /**
   * The first step of an orderly stop: new connections are refused, idle ones closed, and requests in flight
   * finish (within the grace period). Background work may still use the database afterwards.
   */
  stopServing(): Promise<void>;
  /**
   * Stops what is left, in the order that loses nothing: HTTP (as stopServing), then the consumer (finishes
   * its event, commits offsets, leaves the group so its partitions move at once), then the relay (after its
   * batch), then the connection pool.
   */
  stop(): Promise<void>;
}

function containerFor(): ServiceContainer {
  return new ServiceContainer().register(Outbox, new Outbox());
}

/** The service's executable subgraph schema over a container: what its server serves, and what a bench can run in-process. */
export function buildServiceSchema(definition: ServiceDefinition, container: ServiceContainer) {
  return buildFederatedSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    container,
    access: definition.access,
    referenceResolvers: definition.referenceResolvers?.(container),
  });
}

/** The subgraph SDL, built without touching a database or a broker. */
export async function printServiceSchema(definition: ServiceDefinition): Promise<string> {
  return printFederatedSchema(await buildServiceSchema(definition, containerFor()));
}

/**
 * Brings a service up in dependency order: database and migrations, then the outbox relay and the
 * event consumer (both tolerate a broker that is down), then the GraphQL endpoint.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig = serviceConfigFrom(definition),
  logger: Logger = createLogger(definition.name),
): Promise<RunningService> {
  const dataSource = await openServiceDatabase({
    ...serviceDatabaseOptions(definition, config.database),
    onIdleConnectionLost: (error) => logger.warn('idle database connection lost; the pool opens a new one when needed', { error }),
  });
  const telemetry = serviceTelemetry(definition.name, dataSource);
  const container = containerFor().register(DataSource, dataSource);
  const kafka = createKafka(config.messaging);

  const relay = new OutboxRelay({
    dataSource,
    kafka,
    config: config.messaging,
    logger: logger.child('outbox'),
    topics: [Topics[definition.name]],
    observer: telemetry.relayObserver,
  });
  const consumer = new EventConsumer({
    dataSource,
    kafka,
    config: config.messaging,
    logger: logger.child('consumer'),
    group: definition.name,
    handlers: definition.eventHandlers?.(container) ?? [],
    observer: telemetry.consumerObserver,
  });

  let metricsServer: ListeningServer | null = null;
  try {
    await relay.start();
    consumer.start();
    // With a metrics port of its own, the GraphQL port serves no /metrics at all.
    if (config.metricsPort !== undefined) metricsServer = await serveMetricsApart(telemetry.observability.routes, config.host, config.metricsPort);
    const server = await startSubgraphServer({
      schema: await buildServiceSchema(definition, container),
      host: config.host,
      port: config.port,
      gatewayKeys: config.gatewayKeys,
      audience: definition.name,
      logger,
      observability: metricsServer ? { ...telemetry.observability, routes: () => undefined } : telemetry.observability,
      isReady: async () => {
        await dataSource.query('SELECT 1');
        return true;
      },
    });
    logger.info('service ready', { url: server.url, database: config.database.database });
    let serving: Promise<void> | null = null;
    const stopServing = () => (serving ??= server.stop());
    return {
      name: definition.name,
      url: server.url,
      port: server.port,
      metricsPort: metricsServer?.port,
      dataSource,
      container,
      consumer,
      relay,
      stopServing,
      stop: async () => {
        await stopServing();
        await consumer.stop();
        await relay.stop();
        // Before the pool: a scrape reads the outbox backlog from the database.
        await metricsServer?.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await metricsServer?.close();
    await consumer.stop();
    await relay.stop();
    await dataSource.destroy();
    throw error;
  }
}
