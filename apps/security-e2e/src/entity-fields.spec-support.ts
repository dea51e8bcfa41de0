import { getNamedType, GraphQLField, GraphQLObjectType, isEnumType, isInputType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import type { AccessRule } from '@aftercare/subgraph';
import { accessTableOf } from './access-tables.spec-support';
import { graphNameOf, sampleValue, supergraphSchema } from './supergraph-operations.spec-support';

/** One field of an entity (a type with @key), as the composed supergraph says. */
export interface EntityField {
  type: string;
  field: string;
  /** The subgraph that resolves it. */
  service: string;
  /** The subgraph that owns the entity: the one resolving most of its fields. */
  owner: string;
  /** Its type (or list item type) is another entity. */
  linksEntity: boolean;
  /** Arguments that must be given, with their types and sample values. */
  args: { name: string; type: string; value: unknown }[];
  /** `{ __typename }` for an object, nothing for a scalar or enum. */
  selection: string;
}

const joinArgument = (directive: { arguments?: readonly { name: { value: string }; value: unknown }[] }, name: string) =>
  directive.arguments?.find((argument) => argument.name.value === name)?.value as { kind: string; value: unknown } | undefined;

function resolvingGraphs(field: GraphQLField<unknown, unknown>, typeGraphs: string[]): string[] {
  const joins = (field.astNode?.directives ?? []).filter((directive) => directive.name.value === 'join__field' && joinArgument(directive, 'graph'));
  const resolving = joins
    .filter((directive) => joinArgument(directive, 'external')?.value !== true)
    .map((directive) => String(joinArgument(directive, 'graph')!.value));
  return resolving.length > 0 ? resolving : typeGraphs;
}

function isInaccessible(field: GraphQLField<unknown, unknown>): boolean {
  return (field.astNode?.directives ?? []).some((directive) => directive.name.value === 'inaccessible');
}

/** Every client-visible field of every entity in the supergraph, with where it is resolved. */
export function entityFields(): EntityField[] {
  const { schema } = supergraphSchema();
  const entityTypes = new Map<string, { type: GraphQLObjectType; graphs: string[] }>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const joins = [type.astNode, ...type.extensionASTNodes].flatMap((node) =>
      (node?.directives ?? []).filter((directive) => directive.name.value === 'join__type'),
    );
    if (!joins.some((directive) => joinArgument(directive, 'key'))) continue;
    entityTypes.set(type.name, { type, graphs: [...new Set(joins.map((directive) => String(joinArgument(directive, 'graph')!.value)))] });
  }
  const fields: EntityField[] = [];
  for (const { type, graphs } of entityTypes.values()) {
    const visible = Object.values(type.getFields()).filter((field) => !isInaccessible(field));
    const counts = new Map<string, number>();
    for (const field of visible) {
      const resolving = resolvingGraphs(field, graphs);
      if (resolving.length === 1) counts.set(resolving[0]!, (counts.get(resolving[0]!) ?? 0) + 1);
    }
    const owner = graphNameOf([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? graphs[0]!);
    for (const field of visible) {
      const resolving = resolvingGraphs(field, graphs).map(graphNameOf);
      const named = getNamedType(field.type);
      const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && isInputType(arg.type));
      fields.push({
        type: type.name,
        field: field.name,
        // A key field every subgraph can answer is the owner's.
        service: resolving.includes(owner) ? owner : resolving[0]!,
        owner,
        linksEntity: entityTypes.has(named.name) && named.name !== type.name,
        args: args.map((arg) => ({ name: arg.name, type: arg.type.toString(), value: sampleValue(arg.type) })),
        selection: isScalarType(named) || isEnumType(named) ? '' : ' { __typename }',
      });
    }
  }
  return fields;
}

/**
 * Fields whose reader must be written down: what one service adds to another's entity (Customer.orders from
 * sales' orders, Customer.complaints, Customer.workOrders…) and every link from an entity to another entity —
 * the ways one role's view of a customer leads into data another service guards.
 */
export function mustHaveRule(field: EntityField): boolean {
  return field.service !== field.owner || field.linksEntity;
}

/** The rule the resolving service's access table gives this field; undefined when it has none. */
export function fieldRuleOf(field: EntityField): AccessRule | undefined {
  return accessTableOf(field.service)?.fields?.[`${field.type}.${field.field}`];
}
