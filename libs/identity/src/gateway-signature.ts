import { sign, verify } from 'node:crypto';
import { GatewaySigningKey, GatewayVerificationKeys, parseSigningKey } from './gateway-keys';
import { Identity } from './identity';
import { frozenIdentity, VerifiedTokenCache } from './verified-token-cache';

const ISSUER = 'aftercare-gateway';
/** A token without a subgraph audience; no subgraph accepts it (each requires its own name). */
const UNBOUND_AUDIENCE = 'aftercare-subgraph';
/** Short-lived: the signed identity covers one hop from the gateway to a subgraph. */
const LIFETIME_SECONDS = 30;
/** Clocks of gateway and subgraph hosts may drift a little. */
const CLOCK_TOLERANCE_SECONDS = 5;
const HEADER = { alg: 'EdDSA', typ: 'JWT' } as const;

export class InvalidGatewaySignatureError extends Error {}

interface GatewayClaims {
  iss: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  identity: Identity;
}

const parsedKeys = new Map<string, GatewaySigningKey>();
function signingKey(key: GatewaySigningKey | string): GatewaySigningKey {
  if (typeof key !== 'string') return key;
  let parsed = parsedKeys.get(key);
  if (!parsed) {
    parsed = parseSigningKey(key);
    parsedKeys.set(key, parsed);
  }
  return parsed;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * Signs the identity the gateway forwards to one subgraph (Ed25519, compact JWS). The audience is that
 * subgraph's name, so a token captured on its way to one subgraph is worthless at another.
 */
export function signGatewayIdentity(identity: Identity, key: GatewaySigningKey | string, audience: string = UNBOUND_AUDIENCE): string {
  const { kid, privateKey } = signingKey(key);
  const now = Math.floor(Date.now() / 1000);
  const claims: GatewayClaims = { iss: ISSUER, aud: audience, iat: now, nbf: now, exp: now + LIFETIME_SECONDS, identity };
  const input = `${encode({ ...HEADER, kid })}.${encode(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

function decodePart(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidGatewaySignatureError('malformed token');
  return value as Record<string, unknown>;
}

/**
 * Verifies the identity header for the subgraph named `audience`; throws InvalidGatewaySignatureError for
 * anything not minted by the gateway for this subgraph within the last few seconds. The algorithm is fixed
 * (EdDSA): the header cannot choose it.
 */
export function verifyGatewayIdentity(token: string | undefined, keys: GatewayVerificationKeys, audience: string): Identity {
  if (!token) throw new InvalidGatewaySignatureError('missing gateway signature');
  const verified = verifiedFor(keys, audience);
  const known = verified.get(token);
  if (known) return known;
  const { identity, exp } = verifySignedIdentity(token, keys, audience);
  verified.set(token, identity, (exp + CLOCK_TOLERANCE_SECONDS) * 1000);
  return identity;
}

/** Per set of trusted keys and audience, so a token is only ever recognised where it was verified. */
const verifiedTokens = new WeakMap<GatewayVerificationKeys, Map<string, VerifiedTokenCache<Identity>>>();
function verifiedFor(keys: GatewayVerificationKeys, audience: string): VerifiedTokenCache<Identity> {
  let byAudience = verifiedTokens.get(keys);
  if (!byAudience) {
    byAudience = new Map();
    verifiedTokens.set(keys, byAudience);
  }
  let verified = byAudience.get(audience);
  if (!verified) {
    verified = new VerifiedTokenCache();
    byAudience.set(audience, verified);
  }
  return verified;
}

function verifySignedIdentity(token: string, keys: GatewayVerificationKeys, audience: string): { identity: Identity; exp: number } {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) throw new InvalidGatewaySignatureError('malformed token');
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodePart(headerPart);
    claims = decodePart(claimsPart);
  } catch {
    throw new InvalidGatewaySignatureError('malformed token');
  }
  if (header['alg'] !== HEADER.alg) throw new InvalidGatewaySignatureError('unexpected algorithm');
  const publicKey = typeof header['kid'] === 'string' ? keys.byKid.get(header['kid']) : undefined;
  if (!publicKey) throw new InvalidGatewaySignatureError('signed with a key this subgraph does not trust');
  if (!verify(null, Buffer.from(`${headerPart}.${claimsPart}`), publicKey, Buffer.from(signaturePart, 'base64url'))) {
    throw new InvalidGatewaySignatureError('bad signature');
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims['iss'] !== ISSUER) throw new InvalidGatewaySignatureError('unexpected issuer');
  if (claims['aud'] !== audience) throw new InvalidGatewaySignatureError('token is for another subgraph');
  if (typeof claims['exp'] !== 'number' || claims['exp'] + CLOCK_TOLERANCE_SECONDS < now) throw new InvalidGatewaySignatureError('expired');
  if (typeof claims['nbf'] !== 'number' || claims['nbf'] - CLOCK_TOLERANCE_SECONDS > now) throw new InvalidGatewaySignatureError('not yet valid');
  if (claims['exp'] - claims['nbf'] > LIFETIME_SECONDS) throw new InvalidGatewaySignatureError('lifetime too long');
  const identity = claims['identity'] as Identity | undefined;
  if (!identity || typeof identity !== 'object' || typeof identity.kind !== 'string') {
    throw new InvalidGatewaySignatureError('signed token carries no identity');
  }
  return { identity: frozenIdentity(identity), exp: claims['exp'] };
}
