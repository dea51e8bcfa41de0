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

/** Only for local development; production refuses to start without a real secret. */
export const DEV_GATEWAY_SIGNING_SECRET = 'aftercare-dev-gateway-signing-secret';

export function envKey(serviceName: string, suffix: string): string {
  return `${serviceName.replace(/-/g, '_').toUpperCase()}_${suffix}`;
}

/** Reads the service's settings; `SALES_PORT`-style variables win over the shared ones. */
export function serviceConfigFrom(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const secret = env['GATEWAY_SIGNING_SECRET'];
  if (!secret && env['NODE_ENV'] === 'production') {
    throw new Error('GATEWAY_SIGNING_SECRET must be set in production');
  }
  const port = env[envKey(definition.name, 'PORT')] ?? String(definition.defaultPort);
  return {
    host: env['HOST'] || '127.0.0.1',
    port: Number(port),
    database: databaseConfigFor(definition.name.replace(/-/g, '_'), env),
    messaging: messagingConfigFor(`aftercare-${definition.name}`, env),
    gatewaySigningSecret: secret || DEV_GATEWAY_SIGNING_SECRET,
  };
}
