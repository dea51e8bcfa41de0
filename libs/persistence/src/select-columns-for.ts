import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface ColumnsForFields {
  /** Columns every row needs whatever is asked (a keyset cursor's createdAt). Primary columns are always read. */
  always?: readonly string[];
  /** The columns a field computed by a resolver reads, by field name (`customer` reads `customerId`). */
  readBy?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Narrows a query to the columns the asked-for fields read: a list of 100 rows asked for three fields no longer
 * reads, sends, parses and hydrates every column of every row. A field that is a column reads itself; a field
 * a resolver computes reads what `readBy` says; any other field (one this call does not know) keeps every column,
 * so a resolver never meets a row missing what it reads. Returns the query.
 */
export function selectColumnsFor<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  fields: Iterable<string>,
  reads: ColumnsForFields = {},
): SelectQueryBuilder<T> {
  const main = query.expressionMap.mainAlias;
  if (!main?.hasMetadata) return query;
  const columns = columnsFor(main.metadata, fields, reads);
  return columns ? query.select(columns.map((column) => `${main.name}.${column}`)) : query;
}

/** The properties of the columns the fields read (`selectColumnsFor`), or undefined for every column. */
export function columnsFor(metadata: EntityMetadata, fields: Iterable<string>, { always = [], readBy = {} }: ColumnsForFields = {}): string[] | undefined {
  const columns = new Set<string>([...metadata.primaryColumns.map((column) => column.propertyName), ...always]);
  for (const field of fields) {
    if (field === '__typename') continue;
    const read = Object.hasOwn(readBy, field) ? readBy[field] : metadata.findColumnWithPropertyName(field) ? [field] : undefined;
    if (!read) return undefined;
    read.forEach((column) => columns.add(column));
  }
  return [...columns];
}
