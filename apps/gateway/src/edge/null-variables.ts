import { DocumentNode, FragmentDefinitionNode, GraphQLSchema, isNonNullType, Kind, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/** A variable that may be null (declared without `!`) used where the schema requires a value. */
export interface NullableUsage {
  variable: string;
  /** The variable's declared type, e.g. `Int`. */
  declared: string;
  /** The type the position requires, e.g. `Int!`. */
  required: string;
}

/**
 * GraphQL lets a nullable variable fill a non-null argument or input field when the variable or the position has
 * a default (`$first: Int = 20` for `first: Int!`): the default covers an omitted value, but nothing covers an
 * explicit `null`, which passes validation and then fails deep in the subgraph's execution as an internal error.
 * This finds every such usage in an operation and the fragments it spreads.
 */
export function nullableUsagesInNonNullPositions(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): NullableUsage[] {
  const declared = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.type]));
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const usages: NullableUsage[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        // A declaration is not a usage.
        VariableDefinition: () => false,
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !visited.has(fragment.name.value)) {
            visited.add(fragment.name.value);
            walk(fragment);
          }
        },
        Variable(variable) {
          const name = variable.name.value;
          const type = declared.get(name);
          const required = typeInfo.getInputType();
          if (!type || !required || !isNonNullType(required) || type.kind === Kind.NON_NULL_TYPE) return;
          const key = `${name}:${String(required)}`;
          if (seen.has(key)) return;
          seen.add(key);
          usages.push({ variable: name, declared: printType(type), required: String(required) });
        },
      }),
    );
  };
  walk(operation);
  return usages;
}

function printType(type: NonNullable<OperationDefinitionNode['variableDefinitions']>[number]['type']): string {
  switch (type.kind) {
    case Kind.NON_NULL_TYPE:
      return `${printType(type.type)}!`;
    case Kind.LIST_TYPE:
      return `[${printType(type.type)}]`;
    default:
      return type.name.value;
  }
}

const usagesOf = new WeakMap<OperationDefinitionNode, NullableUsage[]>();

/**
 * The usages an actual request fills with an explicit null (an omitted variable takes its default and is fine).
 * Parsed documents are cached and shared, so the walk runs once per operation, not per request.
 */
export function nullsIntoNonNullPositions(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): NullableUsage[] {
  let usages = usagesOf.get(operation);
  if (!usages) {
    usages = nullableUsagesInNonNullPositions(schema, document, operation);
    usagesOf.set(operation, usages);
  }
  return usages.filter((usage) => variables !== undefined && variables !== null && usage.variable in variables && variables[usage.variable] === null);
}
