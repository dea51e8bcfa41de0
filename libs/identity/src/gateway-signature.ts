import { errors, JWTPayload, jwtVerify, ProtectedHeaderParameters, SignJWT } from 'jose';
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
const ALGORITHM = 'EdDSA';
/** Longer than any identity the gateway signs; refused before any decoding. */
const MAX_TOKEN_LENGTH = 8192;

export class InvalidGatewaySignatureError extends Error {}

interface GatewayClaims extends JWTPayload {
  identity?: Identity;
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

/**
 * Signs the identity the gateway forwards to one subgraph (a compact JWS, EdDSA over Ed25519, by jose). The
 * audience is that subgraph's name, so a token captured on its way to one subgraph is worthless at another.
 * Asynchronous because jose signs through WebCrypto; the gateway signs once per caller and subgraph and reuses
 * the token for seconds (apps/gateway SignatureCache), so this is off the per-fetch path.
 */
export async function signGatewayIdentity(identity: Identity, key: GatewaySigningKey | string, audience: string = UNBOUND_AUDIENCE): Promise<string> {
  const { kid, privateKey } = signingKey(key);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + LIFETIME_SECONDS)
    .sign(privateKey);
}

/**
 * Verifies the identity header for the subgraph named `audience`; rejects with InvalidGatewaySignatureError
 * for anything not minted by the gateway for this subgraph within the last few seconds. The algorithm is fixed
 * (EdDSA): the header cannot choose it. A token verified before answers from memory until it expires.
 */
export async function verifyGatewayIdentity(token: string | undefined, keys: GatewayVerificationKeys, audience: string): Promise<Identity> {
  if (!token) throw new InvalidGatewaySignatureError('missing gateway signature');
  const verified = verifiedFor(keys, audience);
  const known = verified.get(token);
  if (known) return known;
  const { identity, exp } = await verifySignedIdentity(token, keys, audience);
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

async function verifySignedIdentity(token: string, keys: GatewayVerificationKeys, audience: string): Promise<{ identity: Identity; exp: number }> {
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidGatewaySignatureError('malformed token');
  const trustedKey = ({ kid }: ProtectedHeaderParameters) => {
    const publicKey = kid === undefined ? undefined : keys.byKid.get(kid);
    if (!publicKey) throw new InvalidGatewaySignatureError('signed with a key this subgraph does not trust');
    return publicKey;
  };
  let claims: GatewayClaims;
  try {
    ({ payload: claims } = await jwtVerify<GatewayClaims>(token, trustedKey, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['nbf', 'exp'],
    }));
  } catch (error) {
    // Anything but a refused token (a key of the wrong type, a bug) is not the caller's fault: it stays a 500.
    throw error instanceof errors.JOSEError ? refusalFor(error) : error;
  }
  const { nbf, exp, identity } = claims as GatewayClaims & { nbf: number; exp: number };
  if (exp - nbf > LIFETIME_SECONDS) throw new InvalidGatewaySignatureError('lifetime too long');
  if (!identity || typeof identity !== 'object' || typeof identity.kind !== 'string') {
    throw new InvalidGatewaySignatureError('signed token carries no identity');
  }
  return { identity: frozenIdentity(identity), exp };
}

/** jose's reasons, in the words subgraph logs and tests have always used. */
function refusalFor(error: errors.JOSEError): InvalidGatewaySignatureError {
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidGatewaySignatureError('bad signature');
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidGatewaySignatureError('unexpected algorithm');
  if (error instanceof errors.JWTExpired) return new InvalidGatewaySignatureError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new InvalidGatewaySignatureError('token is for another subgraph');
    if (error.claim === 'iss') return new InvalidGatewaySignatureError('unexpected issuer');
    if (error.claim === 'nbf' && error.reason === 'check_failed') return new InvalidGatewaySignatureError('not yet valid');
    return new InvalidGatewaySignatureError(`invalid ${error.claim} claim`);
  }
  return new InvalidGatewaySignatureError('malformed token');
}
