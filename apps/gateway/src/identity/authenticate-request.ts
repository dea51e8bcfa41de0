import { GraphQLError } from 'graphql';
import { ANONYMOUS, Identity, InvalidStaffTokenError, isWellFormedPartnerApiKey, PARTNER_API_KEY_HEADER, verifyStaffToken } from '@aftercare/identity';
import { PartnerCredentials } from './partner-credentials';

export interface RequestHeaders {
  header(name: string): string | undefined;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Decides who is calling. Staff present a bearer JWT, partner brands an API key; neither means anonymous
 * (which every operation refuses). A credential that is present but wrong is an error, never anonymous.
 */
export async function authenticateRequest(headers: RequestHeaders, authJwtSecret: string, partners: PartnerCredentials): Promise<Identity> {
  const authorization = headers.header('authorization');
  const apiKey = headers.header(PARTNER_API_KEY_HEADER);
  if (authorization && apiKey) throw unauthenticated('Send either a bearer token or an API key, not both');
  if (authorization) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Authorization must be "Bearer <token>"');
    try {
      return verifyStaffToken(token, authJwtSecret);
    } catch (error) {
      if (error instanceof InvalidStaffTokenError) throw unauthenticated(`Invalid staff token: ${error.message}`);
      throw error;
    }
  }
  if (apiKey) {
    // A value that cannot be a key is refused here, at once: asking sales about it could only fail (its input
    // guard refuses an over-long string), and that failure would read as "keys cannot be checked, retry".
    if (!isWellFormedPartnerApiKey(apiKey)) throw unauthenticated('Malformed API key');
    const partner = await partners.identify(apiKey);
    if (!partner) throw unauthenticated('Unknown API key');
    return partner;
  }
  return ANONYMOUS;
}
