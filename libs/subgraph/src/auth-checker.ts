import type { AuthChecker } from 'type-graphql';
import { hasAnyRole, Role } from '@aftercare/identity';
import { DomainError, ErrorCodes } from './errors';
import { RequestContext } from './request-context';

/**
 * `@Authorized()` admits any authenticated caller; `@Authorized('ADMIN', 'PARTNER')` admits those roles.
 * Failures are errors with stable codes rather than type-graphql's defaults, so clients see one vocabulary.
 */
export const roleAuthChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  if (context.identity.kind === 'anonymous') {
    throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'Sign in (staff bearer token) or send a partner API key');
  }
  if (roles.length === 0 || hasAnyRole(context.identity, roles as Role[])) return true;
  throw new DomainError(ErrorCodes.FORBIDDEN, `This operation needs one of the roles: ${roles.join(', ')}`, {
    requiredRoles: roles,
  });
};
