/**
 * The shape of every partner API key sales issues: `ak_<partner code, lower case>_<256 random bits, base64url>`
 * (partner codes are 2–32 letters, digits, `_` or `-`; 32 bytes are 43 base64url characters, unpadded).
 * Anything else cannot be a key, so the gateway refuses it as UNAUTHENTICATED without asking sales: an
 * over-long or garbled header is the caller's mistake, never an outage to retry.
 */
export const PARTNER_API_KEY_SHAPE = /^ak_[a-z0-9_-]{2,32}_[A-Za-z0-9_-]{43}$/;

export function isWellFormedPartnerApiKey(key: string): boolean {
  return PARTNER_API_KEY_SHAPE.test(key);
}
