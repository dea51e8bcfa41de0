import jwt from 'jsonwebtoken';
import { StaffIdentity } from './identity';
import { isStaffRole, StaffRole } from './roles';

export class InvalidStaffTokenError extends Error {}

export interface StaffTokenClaims {
  sub: string;
  name: string;
  roles: StaffRole[];
}

/** Verifies a staff bearer token (HS256 with AUTH_JWT_SECRET) and returns who it names. */
export function verifyStaffToken(token: string, secret: string): StaffIdentity {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
  } catch (error) {
    throw new InvalidStaffTokenError((error as Error).message);
  }
  const roles: unknown = claims['roles'];
  if (typeof claims.sub !== 'string' || !claims.sub) {
    throw new InvalidStaffTokenError('token has no subject');
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && isStaffRole(r))) {
    throw new InvalidStaffTokenError('token roles are missing or unknown');
  }
  return {
    kind: 'staff',
    userId: claims.sub,
    name: typeof claims['name'] === 'string' ? claims['name'] : claims.sub,
    roles: roles as StaffRole[],
  };
}

/** Mints a staff token; used by the dev token tool, the seed tool and tests. */
export function mintStaffToken(claims: StaffTokenClaims, secret: string, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
  return jwt.sign({ name: claims.name, roles: claims.roles }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn,
  });
}
