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

function fieldsOf(parents: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments']): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return fields;
}
