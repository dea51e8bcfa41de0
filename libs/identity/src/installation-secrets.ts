import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Secrets are never in the source. A value comes from the environment; outside production, when unset,
 * from the files `npm start` generates once per installation under `.data/secrets/` (random, never
 * committed). In production an unset secret stops the process.
 */
export const SECRET_NAMES = ['AUTH_JWT_SECRET', 'GATEWAY_SIGNING_KEY', 'GATEWAY_PUBLIC_KEYS'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export class MissingSecretError extends Error {}

export function installationSecretsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['AFTERCARE_SECRETS_DIR'] || join(process.cwd(), '.data', 'secrets'));
}

export function installationSecret(env: NodeJS.ProcessEnv, name: SecretName): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (env['NODE_ENV'] === 'production') throw new MissingSecretError(`${name} must be set in production`);
  const file = join(installationSecretsDir(env), name);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  }
  throw new MissingSecretError(`${name} is not set and this installation has none yet: run \`npm start\` once (it generates .data/secrets/) or set ${name}`);
}
