import type { EntityMetadata } from 'typeorm';

/**
 * What a create/update input actually gives an entity. GraphQL lets a client send an explicit null for any
 * optional input field; for a column that can be empty a null means "clear it", for a column that always has a
 * value (NOT NULL, usually with a default) it can only mean "not given": the default on create, unchanged on
 * update. Storing it would be a NOT NULL violation the client could not read. Undefined is never a value.
 */
export function givenValues<T>(metadata: EntityMetadata, values: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([property, value]) => {
      if (value === undefined) return false;
      if (value !== null) return true;
      return metadata.findColumnWithPropertyName(property)?.isNullable ?? false;
    }),
  ) as Partial<T>;
}
