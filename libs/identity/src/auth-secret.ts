/**
 * Secrets for local development only, so `npm start` works with nothing configured. Gateway and
 * services refuse to start with NODE_ENV=production unless real ones are set.
 */
export const DEV_AUTH_JWT_SECRET = 'aftercare-dev-auth-jwt-secret';
export const DEV_GATEWAY_SIGNING_SECRET = 'aftercare-dev-gateway-signing-secret';

/** The configured secret, the dev default outside production, or an error in production. */
export function secretFrom(env: NodeJS.ProcessEnv, name: string, devDefault: string): string {
  const value = env[name];
  if (!value && env['NODE_ENV'] === 'production') throw new Error(`${name} must be set in production`);
  return value || devDefault;
}
