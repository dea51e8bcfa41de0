import { registerEnumType } from 'type-graphql';

/**
 * Exposes a string-literal union (`as const` array) as a GraphQL enum whose values equal the strings,
 * so the same values flow unchanged through GraphQL, the database and events.
 */
export function defineEnum<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
