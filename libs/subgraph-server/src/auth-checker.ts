import type { AuthChecker } from 'type-graphql';
import { rolesOf } from '@aftercare/identity';
import { AccessTable, accessRuleOf, admits, AUTHENTICATED, DomainError, ErrorCodes, RequestContext } from '@aftercare/subgraph';

/**
 * Checks a `@Guarded()` field against the service's access table: the rule for `<parent type>.<field>`
 * (`AUTHENTICATED` admits any signed-in caller). A guarded field without a rule is refused (fail closed),
 * although checkAccessTable already keeps such a service from starting. Failures are errors with stable
 * codes rather than type-graphql's defaults, so clients see one vocabulary.
 */
export function accessTableAuthChecker(table: AccessTable): AuthChecker<RequestContext> {
  return ({ context, info }) => {
    if (context.identity.kind === 'anonymous') {
      throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'Sign in (staff bearer token) or send a partner API key');
    }
    const rule = accessRuleOf(table, info.parentType.name, info.fieldName);
    if (!rule) {
      throw new DomainError(ErrorCodes.FORBIDDEN, `${info.parentType.name}.${info.fieldName} has no rule in the ${table.service} access table`);
    }
    if (admits(rule, rolesOf(context.identity))) return true;
    const requiredRoles = rule.filter((role) => role !== AUTHENTICATED);
    throw new DomainError(ErrorCodes.FORBIDDEN, `This operation needs one of the roles: ${requiredRoles.join(', ')}`, { requiredRoles });
  };
}
