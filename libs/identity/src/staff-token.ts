import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { StaffIdentity } from './identity';
import { isStaffRole, StaffRole } from './roles';
import { frozenIdentity, VerifiedTokenCache } from './verified-token-cache';

export class InvalidStaffTokenError extends Error {}

export interface StaffTokenClaims {
  sub: string;
  name: string;
  roles: StaffRole[];
}

/** Who issues staff tokens and for whom; a token minted for another system is refused. */
export const STAFF_TOKEN_ISSUER = 'aftercare-auth';
export const STAFF_TOKEN_AUDIENCE = 'aftercare-graph';
/** A staff token longer-lived than this is refused even if its signature holds. */
const MAX_LIFETIME_SECONDS = 24 * 3600;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Per secret: the secret as a KeyObject (handed a string, jsonwebtoken first tries to read it as a public key —
 * a thrown and caught error on every request) and the tokens verified with it.
 */
const verifiers = new Map<string, { key: KeyObject; verified: VerifiedTokenCache<StaffIdentity> }>();
function verifierFor(secret: string) {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = { key: createSecretKey(Buffer.from(secret, 'utf8')), verified: new VerifiedTokenCache() };
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Verifies a staff bearer token: HS256 only (the header cannot pick `none` or an asymmetric algorithm),
 * signature, `exp` (required), `nbf`, `iss`, `aud`, then the claims it must carry.
 */
export function verifyStaffToken(token: string, secret: string): StaffIdentity {
  const { key, verified } = verifierFor(secret);
  const known = verified.get(token);
  if (known) return known;
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, key, {
      algorithms: ['HS256'],
      issuer: STAFF_TOKEN_ISSUER,
      audience: STAFF_TOKEN_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }) as jwt.JwtPayload;
  } catch (error) {
    throw new InvalidStaffTokenError((error as Error).message);
  }
  if (typeof claims.exp !== 'number') throw new InvalidStaffTokenError('token has no expiry');
  if (typeof claims.iat === 'number' && claims.exp - claims.iat > MAX_LIFETIME_SECONDS) {
    throw new InvalidStaffTokenError('token lives longer than allowed');
  }
  const roles: unknown = claims['roles'];
  if (typeof claims.sub !== 'string' || !claims.sub) {
    throw new InvalidStaffTokenError('token has no subject');
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && isStaffRole(r))) {
    throw new InvalidStaffTokenError('token roles are missing or unknown');
  }
  const identity = frozenIdentity<StaffIdentity>({
    kind: 'staff',
    userId: claims.sub,
    name: typeof claims['name'] === 'string' ? claims['name'] : claims.sub,
    roles: roles as StaffRole[],
  });
  verified.set(token, identity, (claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000);
  return identity;
}

/** Mints a staff token; used by the dev token tool, the seed tool and tests. */
export function mintStaffToken(claims: StaffTokenClaims, secret: string, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
  return jwt.sign({ name: claims.name, roles: claims.roles }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: STAFF_TOKEN_ISSUER,
    audience: STAFF_TOKEN_AUDIENCE,
    expiresIn,
  });
}
