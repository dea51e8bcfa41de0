import { resolve } from 'node:path';
import { PARTNER_MANIFEST_PATH } from './trusted-documents';

/** Limits at the gateway's edge, sized for the staff consoles' and partner integrations' real operations. */
export interface EdgeConfig {
  /** Largest request body accepted (bytes). */
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Token buckets: sustained requests per second and burst, per partner, per staff user, per anonymous IP. */
  partnerRate: RateLimit;
  staffRate: RateLimit;
  anonymousRate: RateLimit;
  /** REDIS_URL: the store every gateway instance shares for those limits; unset, each instance counts in its memory. */
  rateLimitRedisUrl?: string;
  /** Staff get introspection and "did you mean" suggestions only when this is true (development). */
  staffIntrospection: boolean;
  /** Partners may run only the published operations (trusted documents); `PARTNER_TRUSTED_DOCUMENTS=off` lifts it (tests only). */
  enforcePartnerDocuments: boolean;
  /** The published operations' manifest (ids → documents); the gateway does not start without it. */
  trustedDocumentsPath: string;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function edgeConfigFrom(env: NodeJS.ProcessEnv = process.env): EdgeConfig {
  const rate = (prefix: string, perSecond: number, burst: number): RateLimit => ({
    perSecond: numberFrom(env, `RATE_LIMIT_${prefix}_PER_SECOND`, perSecond),
    burst: numberFrom(env, `RATE_LIMIT_${prefix}_BURST`, burst),
  });
  return {
    maxBodyBytes: numberFrom(env, 'GATEWAY_MAX_BODY_BYTES', 256 * 1024),
    maxDepth: numberFrom(env, 'GATEWAY_MAX_DEPTH', 8),
    maxAliases: numberFrom(env, 'GATEWAY_MAX_ALIASES', 15),
    maxDirectives: numberFrom(env, 'GATEWAY_MAX_DIRECTIVES', 20),
    maxTokens: numberFrom(env, 'GATEWAY_MAX_TOKENS', 2000),
    maxCost: numberFrom(env, 'GATEWAY_MAX_COST', 5000),
    partnerRate: rate('PARTNER', 20, 40),
    staffRate: rate('STAFF', 50, 100),
    anonymousRate: rate('ANONYMOUS', 5, 20),
    rateLimitRedisUrl: env['REDIS_URL']?.trim() || undefined,
    staffIntrospection: env['NODE_ENV'] !== 'production' && env['GATEWAY_STAFF_INTROSPECTION'] !== 'off',
    enforcePartnerDocuments: env['PARTNER_TRUSTED_DOCUMENTS'] !== 'off',
    trustedDocumentsPath: resolve(env['TRUSTED_DOCUMENTS_PATH'] ?? PARTNER_MANIFEST_PATH),
  };
}
