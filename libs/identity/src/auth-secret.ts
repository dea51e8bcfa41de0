import { installationSecret } from './installation-secrets';

/**
 * The configured secret, or this installation's generated one outside production. There are no
 * defaults in the source: a secret that is nowhere to be found stops the process.
 */
export function authJwtSecretFrom(env: NodeJS.ProcessEnv = process.env): string {
  const secret = installationSecret(env, 'AUTH_JWT_SECRET');
  if (secret.length < 32) throw new Error('AUTH_JWT_SECRET must be at least 32 characters');
  return secret;
}
