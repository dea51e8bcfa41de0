import { createHash, randomBytes } from 'node:crypto';

/**
 * Keys carry 256 random bits, so a fast hash is enough to store them safely (no dictionary to guess
 * from) and lets the gateway's lookup be a single indexed equality.
 */
export function generateApiKey(partnerCode: string): string {
  return `ak_${partnerCode.toLowerCase()}_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}
