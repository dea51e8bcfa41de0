import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  BreakingChange,
  DangerousChange,
  DocumentNode,
  findBreakingChanges,
  findDangerousChanges,
  getNamedType,
  GraphQLSchema,
  GraphQLType,
  isInputObjectType,
  Kind,
  NamedTypeNode,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import gql from 'graphql-tag';
import { SubgraphEntry, SUBGRAPHS } from '@aftercare/supergraph';
import { WORKSPACE_ROOT } from '../workspace';

/** A client operation the platform knows of: where it is written, and its document. */
export interface ClientOperation {
  name: string;
  source: string;
  document: DocumentNode;
}

export interface SchemaBreak {
  type: string;
  description: string;
  /** Client operations that use what changed (by the coordinates they select) or no longer validate. */
  breaks: string[];
}

export interface SchemaCheckResult {
  breaking: SchemaBreak[];
  dangerous: string[];
  /** Operations valid against the base graph that the new graph rejects, with the reason. */
  invalidOperations: { operation: string; errors: string[] }[];
}

/** The API schema (what clients see) of a supergraph SDL: join/link machinery removed. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * The supergraph with one service's new SDL in place of its checked-in one, composed with the others'
 * checked-in SDL: what the gateway would serve if only this service deployed.
 */
export function composeWith(service: string, newSdl: string, root: string = WORKSPACE_ROOT, subgraphs: readonly SubgraphEntry[] = SUBGRAPHS): string {
  if (!subgraphs.some((subgraph) => subgraph.name === service)) {
    throw new Error(`unknown service "${service}" (one of: ${subgraphs.map((subgraph) => subgraph.name).join(', ')})`);
  }
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: gql(subgraph.name === service ? newSdl : readFileSync(join(root, subgraph.schemaPath), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`${service}'s SDL does not compose with the others:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

function operationsIn(text: string, source: string): ClientOperation[] {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return [];
  }
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: operation.name?.value ?? '(anonymous)',
      source,
      document: { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)] },
    }));
}

/**
 * The client operations checked in: the documents the e2e suite sends as partner integrations and consoles do
 * (apps/platform-e2e/src/support/operations.ts), and every `*.graphql` file holding operations (not SDL).
 */
export function clientOperations(root: string = WORKSPACE_ROOT): ClientOperation[] {
  const operations: ClientOperation[] = [];
  const tsSources = [join(root, 'apps/platform-e2e/src/support/operations.ts')];
  for (const file of tsSources) {
    const text = readFileSync(file, 'utf8');
    for (const [, literal] of text.matchAll(/`((?:query|mutation|subscription|fragment)[\s\S]*?)`/g)) {
      operations.push(...operationsIn(literal as string, relative(root, file)));
    }
  }
  for (const folder of ['apps', 'libs', 'tools', 'docs']) {
    for (const file of filesUnder(join(root, folder), '.graphql')) {
      operations.push(...operationsIn(readFileSync(file, 'utf8'), relative(root, file)));
    }
  }
  return operations;
}

/** Type names, `Type.field`, `Type.field(arg:)` and `Input.field` coordinates an operation uses, read against a schema. */
function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const useType = (type: GraphQLType): void => {
    const named = getNamedType(type);
    if (used.has(named.name)) return;
    used.add(named.name);
    // An input object sent by the client uses every field of it (a field retyped or made required breaks it).
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) {
        used.add(`${named.name}.${field.name}`);
        useType(field.type);
      }
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name).add(`${parent.name}.${field.name}`);
        useType(field.type);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}(${node.name.value}:)`);
        useType(argument.type);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type as NamedTypeNode);
        if (type) useType(type);
      },
    }),
  );
  return used;
}

/** The coordinates a graphql-js change description names (its wording is stable across graphql 16). */
function coordinateOf(change: BreakingChange | DangerousChange): string[] {
  const text = change.description;
  let match: RegExpExecArray | null;
  if ((match = /^(\w+)\.(\w+) arg (\w+) /.exec(text))) return [`${match[1]}.${match[2]}(${match[3]}:)`];
  if ((match = /^A (?:required|optional) arg \w+ on (\w+)\.(\w+) /.exec(text))) return [`${match[1]}.${match[2]}`];
  if ((match = /^A (?:required|optional) field \w+ on input type (\w+) /.exec(text))) return [match[1] as string];
  if ((match = /^(\w+)\.(\w+) /.exec(text))) return [`${match[1]}.${match[2]}`];
  if ((match = /^\w+ was (?:removed from|added to) (?:enum|union) type (\w+)/.exec(text))) return [match[1] as string];
  if ((match = /^(\w+) /.exec(text))) return [match[1] as string];
  return [];
}

/** Breaking and dangerous changes from the base graph to the new one, with the client operations they break. */
export function checkSchemaChange(baseSupergraphSdl: string, newSupergraphSdl: string, operations: ClientOperation[]): SchemaCheckResult {
  const base = apiSchemaOf(baseSupergraphSdl);
  const next = apiSchemaOf(newSupergraphSdl);
  const usage = operations.map((operation) => ({ operation, used: coordinatesOf(base, operation.document) }));
  const label = (operation: ClientOperation) => `${operation.name} (${operation.source})`;

  const invalidOperations = operations.flatMap((operation) => {
    if (validate(base, operation.document).length > 0) return []; // already broken before this change: not this change's doing
    const errors = validate(next, operation.document).map((error) => error.message);
    return errors.length ? [{ operation: label(operation), errors }] : [];
  });

  const breaking = findBreakingChanges(base, next).map((change) => {
    const coordinates = coordinateOf(change);
    const breaks = usage.filter(({ used }) => coordinates.some((coordinate) => used.has(coordinate))).map(({ operation }) => label(operation));
    return { type: change.type, description: change.description, breaks };
  });
  const dangerous = findDangerousChanges(base, next).map((change) => change.description);
  return { breaking, dangerous, invalidOperations };
}

/** The report a developer reads before deploying. */
export function formatSchemaCheck(service: string, base: string, result: SchemaCheckResult): string {
  const lines = [`schema check for ${service} against ${base}:`];
  if (result.breaking.length === 0 && result.invalidOperations.length === 0) lines.push('  no breaking changes');
  for (const change of result.breaking) {
    lines.push(`  BREAKING ${change.type}: ${change.description}`);
    lines.push(change.breaks.length ? `    breaks: ${change.breaks.join(', ')}` : '    no known client operation uses it');
  }
  for (const invalid of result.invalidOperations) lines.push(`  operation ${invalid.operation} no longer validates: ${invalid.errors.join('; ')}`);
  for (const change of result.dangerous) lines.push(`  dangerous: ${change}`);
  return lines.join('\n');
}
