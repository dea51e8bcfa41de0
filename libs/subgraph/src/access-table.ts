import { GraphQLField, GraphQLSchema, isObjectType } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Role } from '@aftercare/identity';

/** Any signed-in caller (staff of any role, a partner, the gateway itself). */
export const AUTHENTICATED = 'AUTHENTICATED';
export type AccessRule = readonly (Role | typeof AUTHENTICATED)[];

/**
 * One place per service where a permission is written: which roles may run each root operation, and which
 * may read each sensitive field. The resolvers carry only the `@Guarded()` marker; the rule for
 * `<parent type>.<field>` is looked up here and put in front of the field when the schema is built (guardFields).
 *
 * Why the table drives the resolvers rather than the other way round: the table is what people review and
 * what apps/security-e2e compares the composed supergraph against, so it must be the thing that is enforced;
 * deriving it from decorator metadata would leave the readable list a generated copy, and rules on fields a
 * service adds to another service's entity (`Customer.complaints`) have no single class to read them from.
 * Fail closed twice: a service does not start when a guarded field has no rule, a rule names a field the
 * service does not guard, or a Query or Mutation field is unguarded (checkAccessTable); and a guarded field
 * without a rule is refused at run time too.
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

/** The rule for one field of the schema: Query and Mutation fields by name, other types' fields as `Type.field`. */
export function accessRuleOf(table: AccessTable, typeName: string, fieldName: string): AccessRule | undefined {
  if (typeName === 'Query' || typeName === 'Mutation') return Object.hasOwn(table[typeName], fieldName) ? table[typeName][fieldName] : undefined;
  const key = `${typeName}.${fieldName}`;
  return table.fields && Object.hasOwn(table.fields, key) ? table.fields[key] : undefined;
}

const GUARDED = 'accessTableGuarded';

/**
 * Marks an operation or a field as guarded by the service's access table: the roles are written there, not
 * here. The extension is what guardFields and checkAccessTable find in the built schema (extensions are not
 * printed, so the SDL does not change).
 */
export function Guarded(): MethodDecorator & PropertyDecorator {
  return Extensions({ [GUARDED]: true });
}

export function isGuardedField(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions?.[GUARDED] === true;
}

/**
 * What is wrong between a service's built (type-graphql) schema and its table, one line per problem: a guarded
 * field without a rule, a rule for a field that is not guarded (it would be enforced nowhere), a Query or
 * Mutation field that is not guarded. Empty when they agree.
 */
export function accessTableGaps(schema: GraphQLSchema, table: AccessTable): string[] {
  const gaps: string[] = [];
  const guarded = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = type.name === 'Query' || type.name === 'Mutation';
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const isGuarded = isGuardedField(field);
      if (isGuarded) guarded.add(key);
      const rule = accessRuleOf(table, type.name, field.name);
      if (isGuarded && !rule) gaps.push(`${key} is guarded but has no rule in the access table`);
      if (root && !isGuarded) gaps.push(`${key} is not guarded (mark it @Guarded() and give it a rule)`);
    }
  }
  const ruled = [
    ...Object.keys(table.Query).map((field) => `Query.${field}`),
    ...Object.keys(table.Mutation).map((field) => `Mutation.${field}`),
    ...Object.keys(table.fields ?? {}),
  ];
  for (const key of ruled) if (!guarded.has(key)) gaps.push(`${key} has a rule in the access table but is not a @Guarded() field of ${table.service}`);
  return gaps;
}

/** Refuses to build a service whose resolvers and access table disagree (see accessTableGaps). */
export function checkAccessTable(schema: GraphQLSchema, table: AccessTable): void {
  const gaps = accessTableGaps(schema, table);
  if (gaps.length > 0) throw new Error(`The access table of ${table.service} and its resolvers disagree:\n  ${gaps.join('\n  ')}`);
}
