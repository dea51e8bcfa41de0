import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { FieldNode, Kind, OperationDefinitionNode, parse, print, VariableDefinitionNode, visit } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Several `_entities` fetches to one subgraph, made for one caller's request at the same moment (sibling
 * fetches of a query plan's Parallel node: a customer's work orders and the engineers who served them, both
 * from service-dispatch), sent as ONE subgraph request: each fetch's `_entities` becomes an aliased field
 * with its own representations variable. What each fetch gets back is exactly what it would have got alone:
 * its field's data under `_entities`, the errors under its alias with their path re-rooted at `_entities`.
 * Only queries are merged (no side effects to reorder), and only within one caller's request.
 */
export interface MergedEntityQuery {
  query: string;
  /** Per fetch: the alias of its `_entities` field and the name of its representations variable. */
  parts: { alias: string; representations: string }[];
}

const REPRESENTATIONS = 'representations';

const merged = new LRUCache<string, MergedEntityQuery | false>({ max: 1000 });
const parsedFetches = new LRUCache<string, OperationDefinitionNode | false>({ max: 1000 });

/** The fetch's operation, when it is a plain entity fetch: one query, no fragments, one `_entities(representations: $representations)`. */
function entityFetch(query: string): OperationDefinitionNode | false {
  let known = parsedFetches.get(query);
  if (known !== undefined) return known;
  known = false;
  try {
    const document = parse(query, { noLocation: true });
    const [operation, ...rest] = document.definitions;
    if (
      rest.length === 0 &&
      operation?.kind === Kind.OPERATION_DEFINITION &&
      operation.operation === 'query' &&
      operation.selectionSet.selections.length === 1
    ) {
      const field = operation.selectionSet.selections[0]!;
      const argument =
        field.kind === Kind.FIELD && field.name.value === '_entities' && !field.alias && field.arguments?.length === 1 ? field.arguments[0]! : undefined;
      if (argument?.name.value === REPRESENTATIONS && argument.value.kind === Kind.VARIABLE && argument.value.name.value === REPRESENTATIONS) known = operation;
    }
  } catch {
    known = false;
  }
  parsedFetches.set(query, known);
  return known;
}

/** One query for all the fetches, or undefined when any of them is not a plain entity fetch or their variables disagree. */
export function mergeEntityQueries(queries: string[]): MergedEntityQuery | undefined {
  const key = queries.join('\n\u0000\n');
  let known = merged.get(key);
  if (known === undefined) {
    known = build(queries) ?? false;
    merged.set(key, known);
  }
  return known || undefined;
}

function build(queries: string[]): MergedEntityQuery | undefined {
  const operations = queries.map(entityFetch);
  if (operations.some((operation) => !operation)) return undefined;
  const variables = new Map<string, VariableDefinitionNode>();
  const fields: FieldNode[] = [];
  const parts: MergedEntityQuery['parts'] = [];
  for (const [index, operation] of (operations as OperationDefinitionNode[]).entries()) {
    const part = { alias: `_entities${index}`, representations: `${REPRESENTATIONS}${index}` };
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value === REPRESENTATIONS ? part.representations : definition.variable.name.value;
      const renamed: VariableDefinitionNode = { ...definition, variable: { ...definition.variable, name: { kind: Kind.NAME, value: name } } };
      const earlier = variables.get(name);
      // The fetches of one request share the client's variables: the same name is the same variable, or nothing is merged.
      if (earlier && print(earlier) !== print(renamed)) return undefined;
      variables.set(name, renamed);
    }
    // Variables used inside the selection are the client's (shared); only the representations are per fetch.
    const field = visit(operation.selectionSet.selections[0] as FieldNode, {
      Variable: (node) => (node.name.value === REPRESENTATIONS ? { ...node, name: { kind: Kind.NAME, value: part.representations } } : undefined),
    });
    fields.push({ ...field, alias: { kind: Kind.NAME, value: part.alias } });
    parts.push(part);
  }
  const first = operations[0] as OperationDefinitionNode;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: first.operation,
    name: first.name,
    variableDefinitions: [...variables.values()],
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [operation] }), parts };
}

/** The variables of the merged request: the shared ones once, each fetch's representations under its own name. */
export function mergedVariables(merge: MergedEntityQuery, variables: (Record<string, unknown> | undefined)[]): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const [index, own] of variables.entries()) {
    for (const [name, value] of Object.entries(own ?? {})) {
      if (name === REPRESENTATIONS) all[merge.parts[index]!.representations] = value;
      else all[name] = value;
    }
  }
  return all;
}

/** Each fetch's own answer out of the merged one. Errors with no path of a fetch (the request as a whole) go to every fetch. */
export function splitMergedResponse(merge: MergedEntityQuery, response: GatewayGraphQLResponse): GatewayGraphQLResponse[] {
  const data = response.data as Record<string, unknown> | null | undefined;
  return merge.parts.map(({ alias }, index) => {
    const errors = (response.errors ?? []).flatMap((error) => {
      const path = error.path;
      if (!path?.length || !merge.parts.some((part) => part.alias === path[0])) return [error];
      return path[0] === alias ? [{ ...error, path: ['_entities', ...path.slice(1)] }] : [];
    });
    const part: GatewayGraphQLResponse = { data: data === null || data === undefined ? data : { _entities: data[alias] ?? null } };
    if (errors.length) (part as { errors?: unknown }).errors = errors;
    if (index === 0 && response.extensions) (part as { extensions?: unknown }).extensions = response.extensions;
    return part;
  });
}
