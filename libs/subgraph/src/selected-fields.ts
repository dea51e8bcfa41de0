import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the field being resolved (`['edges', 'node']` for the
 * nodes of a connection), through fragments and inline fragments. A field under @skip or @include counts as
 * selected: the answer may name more than is read, never less.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = fieldsOf(level, info.fragments).filter((field) => field.name.value === name);
  return new Set(fieldsOf(level, info.fragments).map((field) => field.name.value));
}

/**
 * The names of the fields a `_entities` fetch selects on `typeName` (what `__resolveReference` is asked for), through
 * fragments on that type or on none; fragments on other types are not this entity's.
 */
export function selectedFieldsOn(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, typeName: string): Set<string> {
  return new Set(fieldsOf(info.fieldNodes, info.fragments, typeName).map((field) => field.name.value));
}

/**
 * A key for a set of field names, the same whatever their order: loaders that read only the columns some fields
 * need are kept apart per set (`LoaderRegistry`'s variant), so a narrowed row never serves a wider question.
 */
export function fieldSetKey(fields: Iterable<string>): string {
  return [...new Set(fields)].sort().join(',');
}

function fieldsOf(parents: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], onType?: string): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!onType || !selection.typeCondition || selection.typeCondition.name.value === onType) visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (!onType || fragment?.typeCondition.name.value === onType) visit(fragment?.selectionSet);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return fields;
}
