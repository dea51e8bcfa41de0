import type { Role } from '@aftercare/identity';

/** Any signed-in caller (staff of any role, a partner): `@Authorized()` with no roles. */
export const AUTHENTICATED = 'AUTHENTICATED';
export type AccessRule = readonly (Role | typeof AUTHENTICATED)[];

/**
 * One readable place per service: which roles may run each root operation, and which may read each
 * sensitive field. The resolvers' `@Authorized(...)` lists enforce it; apps/security-e2e walks every
 * Query and Mutation field of the composed supergraph for every role and fails on any difference, and on
 * any operation without a rule here.
 */
export interface AccessTable {
  service: string;
  Query: Record<string, AccessRule>;
  Mutation: Record<string, AccessRule>;
  /** `Type.field` → roles that may read it (others get FORBIDDEN on that field). */
  fields?: Record<string, AccessRule>;
}

export function defineAccessTable(table: AccessTable): AccessTable {
  return table;
}

/** Whether the rule admits a caller holding these roles (none for anonymous). */
export function admits(rule: AccessRule, roles: readonly Role[]): boolean {
  if (roles.length === 0) return false;
  return rule.includes(AUTHENTICATED) || rule.some((role) => roles.includes(role as Role));
}
