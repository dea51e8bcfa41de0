import { resolve } from 'node:path';
import { authJwtSecretFrom, installationSecret } from '@aftercare/identity';
import { replicaUrls } from './subgraph-transport/replica-urls';

export interface GatewayConfig {
  host: string;
  port: number;
  authJwtSecret: string;
  /** Ed25519 private key (base64 PKCS#8 or PEM): only the gateway can mint identities for subgraphs. */
  gatewaySigningKey: string;
  supergraphPath: string;
  /**
   * Subgraph name → where it listens, for deployments where that is not where the supergraph says: one URL, or
   * the URLs of its replicas separated by commas (requests are spread round-robin over them).
   */
  subgraphUrlOverrides: Record<string, string>;
  /** Browser origins allowed to call the graph (staff consoles); empty means same-origin only. */
  corsOrigins: string[];
}

const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

export function gatewayConfigFrom(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrlOverrides = Object.fromEntries(
    Object.entries(env)
      .filter(([key, value]) => key.startsWith(SUBGRAPH_URL_PREFIX) && value && replicaUrls(value).length > 0)
      .map(([key, value]) => [key.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase().replace(/_/g, '-'), replicaUrls(value as string).join(',')]),
  );
  return {
    host: env['HOST'] || '127.0.0.1',
    port: Number(env['GATEWAY_PORT'] ?? 4000),
    authJwtSecret: authJwtSecretFrom(env),
    gatewaySigningKey: installationSecret(env, 'GATEWAY_SIGNING_KEY'),
    supergraphPath: resolve(env['SUPERGRAPH_PATH'] ?? 'apps/gateway/supergraph.graphql'),
    subgraphUrlOverrides,
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

/**
 * Where a subgraph really is: the override for its name (one URL or a comma-separated replica list, which the
 * transport and the readiness check both understand), else the URL composed into the supergraph.
 */
export function subgraphUrl(config: GatewayConfig, name: string, composedUrl: string): string {
  return config.subgraphUrlOverrides[name] ?? composedUrl;
}
