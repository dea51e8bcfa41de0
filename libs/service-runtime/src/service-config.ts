import { GatewayVerificationKeys, gatewayVerificationKeysFrom } from '@aftercare/identity';
import { DatabaseConfig, databaseConfigFor } from '@aftercare/persistence';
import { MessagingConfig, messagingConfigFor } from '@aftercare/messaging';
import type { ServiceDefinition } from './service-definition';

export interface ServiceConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  messaging: MessagingConfig;
  /** The gateway's public keys: a subgraph can verify identities but never mint one. */
  gatewayKeys: GatewayVerificationKeys;
  /**
   * METRICS_PORT: GET /metrics on a port of its own instead of the GraphQL port, so a network policy can admit
   * Prometheus to the one and only the gateway to the other (deploy/kubernetes). Unset: the GraphQL port.
   */
  metricsPort?: number;
}

export function envKey(serviceName: string, suffix: string): string {
  return `${serviceName.replace(/-/g, '_').toUpperCase()}_${suffix}`;
}

/** The service's own database (`aftercare_sales`, …) on the server DATABASE_URL names. */
export function serviceDatabaseFrom(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return databaseConfigFor(definition.name.replace(/-/g, '_'), env);
}

/** Reads the service's settings; `SALES_PORT`-style variables win over the shared ones. */
export function serviceConfigFrom(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = env[envKey(definition.name, 'PORT')] ?? String(definition.defaultPort);
  return {
    host: env['HOST'] || '127.0.0.1',
    port: Number(port),
    database: serviceDatabaseFrom(definition, env),
    messaging: messagingConfigFor(`aftercare-${definition.name}`, env),
    gatewayKeys: gatewayVerificationKeysFrom(env),
    metricsPort: env['METRICS_PORT'] ? Number(env['METRICS_PORT']) : undefined,
  };
}
