import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { rolesOf } from '@aftercare/identity';
import { AccessTable, accessRuleOf, admits, AUTHENTICATED, DomainError, ErrorCodes, isGuardedField, RequestContext } from '@aftercare/subgraph';

/**
 * Puts the service's access table in front of every `@Guarded()` field of the built schema: the rule for
 * `<parent type>.<field>` (`AUTHENTICATED` admits any signed-in caller) is checked before the field resolves.
 * A guarded field without a rule is refused (fail closed), although checkAccessTable already keeps such a
 * service from starting. Failures are errors with stable codes, so clients see one vocabulary.
 *
 * Why not type-graphql's `@Authorized()` and auth checker: its check runs as an async middleware, a chain of
 * promises for every guarded value — a hundred customers' complaints are a hundred such chains per request —
 * for a rule that is a synchronous lookup. Here the rule is found once, when the schema is built.
 */
export function guardFields(schema: GraphQLSchema, table: AccessTable): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isGuardedField(field)) continue;
      const check = accessCheck(table, type.name, field.name);
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        check(context);
        return resolve(source, args, context, info);
      };
    }
  }
}

/** Throws unless the caller may read `<typeName>.<fieldName>`. */
function accessCheck(table: AccessTable, typeName: string, fieldName: string): (context: RequestContext) => void {
  const rule = accessRuleOf(table, typeName, fieldName);
  const requiredRoles = rule?.filter((role) => role !== AUTHENTICATED) ?? [];
  return (context) => {
    if (context.identity.kind === 'anonymous') {
      throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'Sign in (staff bearer token) or send a partner API key');
    }
    if (!rule) {
      throw new DomainError(ErrorCodes.FORBIDDEN, `${typeName}.${fieldName} has no rule in the ${table.service} access table`);
    }
    if (admits(rule, rolesOf(context.identity))) return;
    throw new DomainError(ErrorCodes.FORBIDDEN, `This operation needs one of the roles: ${requiredRoles.join(', ')}`, { requiredRoles });
  };
}
