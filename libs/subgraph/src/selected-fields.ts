import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the field being resolved (`['edges', 'node']` for the
 * nodes of a connection), through fragments and inline fragments. A field under @skip or @include counts as
 * selected: the answer may name more than is read, never less.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): ReadonlySet<string> {
  return remembered(info, `path:${path.join('.')}`, () => {
    let level: readonly FieldNode[] = info.fieldNodes;
    for (const name of path) level = fieldsOf(level, info.fragments).filter((field) => field.name.value === name);
    return new Set(fieldsOf(level, info.fragments).map((field) => field.name.value));
  });
}

/**
 * The names of the fields a `_entities` fetch selects on `typeName` (what `__resolveReference` is asked for), through
 * fragments on that type or on none; fragments on other types are not this entity's.
 */
export function selectedFieldsOn(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, typeName: string): ReadonlySet<string> {
  return remembered(info, `on:${typeName}`, () => new Set(fieldsOf(info.fieldNodes, info.fragments, typeName).map((field) => field.name.value)));
}

/**
 * What a field's selection holds depends only on the document, and a list asks it once per item (a hundred
 * customers' complaints): worked out once per field node of the document (kept with the parsed document, which
 * the server caches), and the same set every time after.
 */
const selections = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function remembered(info: Pick<GraphQLResolveInfo, 'fieldNodes'>, question: string, answer: () => ReadonlySet<string>): ReadonlySet<string> {
  const node = info.fieldNodes[0];
  if (!node) return answer();
  let answers = selections.get(node);
  if (!answers) selections.set(node, (answers = new Map()));
  let fields = answers.get(question);
  if (!fields) {
    answers.set(question, (fields = answer()));
    setKeys.set(fields, keyOf(fields));
  }
  return fields;
}

/** The keys of the sets `remembered` hands out, which nobody changes. */
const setKeys = new WeakMap<ReadonlySet<string>, string>();
const keyOf = (fields: Iterable<string>) => [...new Set(fields)].sort().join(',');

/**
 * A key for a set of field names, the same whatever their order: loaders that read only the columns some fields
 * need are kept apart per set (`LoaderRegistry`'s variant), so a narrowed row never serves a wider question.
 */
export function fieldSetKey(fields: Iterable<string>): string {
  return (fields instanceof Set && setKeys.get(fields)) || keyOf(fields);
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
