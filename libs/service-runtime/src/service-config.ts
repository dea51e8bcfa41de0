import { DEV_GATEWAY_SIGNING_SECRET, secretFrom } from '@aftercare/identity';
import { DatabaseConfig, databaseConfigFor } from '@aftercare/persistence';
import { MessagingConfig, messagingConfigFor } from '@aftercare/messaging';
import type { ServiceDefinition } from './service-definition';

export interface ServiceConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  messaging: MessagingConfig;
  gatewaySigningSecret: string;
}

export function envKey(serviceName: string, suffix: string): string {
  return `${serviceName.replace(/-/g, '_').toUpperCase()}_${suffix}`;
}

/** Reads the service's settings; `SALES_PORT`-style variables win over the shared ones. */
export function serviceConfigFrom(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = env[envKey(definition.name, 'PORT')] ?? String(definition.defaultPort);
  return {
    host: env['HOST'] || '127.0.0.1',
    port: Number(port),
    database: databaseConfigFor(definition.name.replace(/-/g, '_'), env),
    messaging: messagingConfigFor(`aftercare-${definition.name}`, env),
    gatewaySigningSecret: secretFrom(env, 'GATEWAY_SIGNING_SECRET', DEV_GATEWAY_SIGNING_SECRET),
  };
}
