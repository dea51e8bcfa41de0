import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
} from 'graphql';
import { WORKSPACE_ROOT } from '@aftercare/testing';

export interface RootOperation {
  kind: 'Query' | 'Mutation';
  field: string;
  /** The subgraph that resolves it (from @join__field / the owning @join__type). */
  service: string;
  document: string;
  variables: Record<string, unknown>;
}

const GRAPH_NAMES: Record<string, string> = {
  SALES: 'sales',
  SERVICE_DISPATCH: 'service-dispatch',
  COMPLAINTS: 'complaints',
  ENGINEER_NETWORK: 'engineer-network',
  VALUE_ADDED: 'value-added',
};
export const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** The service name of a supergraph graph enum value (SERVICE_DISPATCH → service-dispatch). */
export const graphNameOf = (graph: string): string => GRAPH_NAMES[graph] ?? graph;

/** A value of this input type that type-checks (non-null input fields filled in). */
export const sampleValue = (type: GraphQLInputType): unknown => sample(type);

function sample(type: GraphQLInputType, depth = 0): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType as GraphQLInputType, depth + 1)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined && depth < 5)
        .map((field) => [field.name, sample(field.type, depth + 1)]),
    );
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID':
        return SAMPLE_ID;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Date':
        return '2030-01-15';
      case 'DateTimeISO':
        return '2030-01-15T08:00:00.000Z';
      case 'JSONObject':
        return {};
      default:
        return 'sample';
    }
  }
  return null;
}

/** A selection that type-checks: `__typename` is valid on every object, union and interface. */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
}

function serviceOf(document: DocumentNode, kind: string, fieldName: string): string {
  for (const definition of document.definitions) {
    if ((definition.kind === 'ObjectTypeDefinition' || definition.kind === 'ObjectTypeExtension') && definition.name.value === kind) {
      const field = definition.fields?.find((candidate) => candidate.name.value === fieldName);
      const join = field?.directives?.find((directive) => directive.name.value === 'join__field');
      const graph = join?.arguments?.find((argument) => argument.name.value === 'graph')?.value;
      if (graph?.kind === 'EnumValue') return GRAPH_NAMES[graph.value] ?? graph.value;
    }
  }
  return 'unknown';
}

function inaccessible(document: DocumentNode, kind: string, fieldName: string): boolean {
  return document.definitions.some(
    (definition) =>
      definition.kind === 'ObjectTypeDefinition' &&
      definition.name.value === kind &&
      definition.fields?.some((field) => field.name.value === fieldName && field.directives?.some((d) => d.name.value === 'inaccessible')),
  );
}

export function supergraphSchema(): { schema: GraphQLSchema; document: DocumentNode } {
  const document = parse(readFileSync(join(WORKSPACE_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'));
  return { schema: buildASTSchema(document, { assumeValidSDL: true }), document };
}

/** Every client-visible Query and Mutation field of the composed supergraph, with arguments that type-check. */
export function rootOperations(): RootOperation[] {
  const { schema, document } = supergraphSchema();
  const operations: RootOperation[] = [];
  for (const kind of ['Query', 'Mutation'] as const) {
    const type = schema.getType(kind);
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (field.name.startsWith('_') || inaccessible(document, kind, field.name)) continue;
      const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      operations.push({
        kind,
        field: field.name,
        service: serviceOf(document, kind, field.name),
        document: `${kind.toLowerCase()}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selectionFor(field)} }`,
        variables: Object.fromEntries(args.map((arg) => [arg.name, sample(arg.type)])),
      });
    }
  }
  return operations;
}
