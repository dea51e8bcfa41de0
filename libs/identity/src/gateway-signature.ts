import jwt from 'jsonwebtoken';
import { Identity } from './identity';

const ISSUER = 'aftercare-gateway';
const AUDIENCE = 'aftercare-subgraph';
/** Short-lived: the signed identity covers one hop from the gateway to a subgraph. */
const LIFETIME_SECONDS = 60;

export class InvalidGatewaySignatureError extends Error {}

/** Signs the identity the gateway forwards to subgraphs in the identity header. */
export function signGatewayIdentity(identity: Identity, secret: string): string {
  return jwt.sign({ identity }, secret, {
    algorithm: 'HS256',
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: LIFETIME_SECONDS,
  });
}

/** Verifies the identity header; throws InvalidGatewaySignatureError for anything not minted by the gateway. */
export function verifyGatewayIdentity(token: string | undefined, secret: string): Identity {
  if (!token) throw new InvalidGatewaySignatureError('missing gateway signature');
  try {
    const claims = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    }) as { identity?: Identity };
    if (!claims.identity || typeof claims.identity.kind !== 'string') {
      throw new InvalidGatewaySignatureError('signed token carries no identity');
    }
    return claims.identity;
  } catch (error) {
    if (error instanceof InvalidGatewaySignatureError) throw error;
    throw new InvalidGatewaySignatureError((error as Error).message);
  }
}
