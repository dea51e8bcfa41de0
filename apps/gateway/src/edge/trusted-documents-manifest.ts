import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// Build time only (the generator and its staleness test): the running gateway reads the manifest, not the schema.
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLSchema, Kind, OperationDefinitionNode, parse, print, validate } from 'graphql';
import { nullableUsagesInNonNullPositions } from './null-variables';
import { documentIdOf, PARTNER_DOCUMENTS_DIR, TrustedDocument, TrustedDocumentManifest } from './trusted-documents';

/** The schema clients see (no join/link machinery, no @inaccessible fields): what a published document must validate against. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function readDocumentSources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * The manifest from the published `.graphql` files: one named query or mutation per file, valid against
 * the graph; the body is graphql-js's print of it (comments and layout do not change the id).
 */
export function buildManifest(sources: { file: string; text: string }[], schema: GraphQLSchema): TrustedDocumentManifest {
  const operations: TrustedDocument[] = [];
  const problems: string[] = [];
  for (const { file, text } of sources) {
    const document = parse(text);
    const definitions = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const [operation] = definitions;
    if (definitions.length !== 1 || !operation?.name) {
      problems.push(`${file}: must hold exactly one named operation`);
      continue;
    }
    if (operation.operation === 'subscription') {
      problems.push(`${file}: this graph has no subscriptions`);
      continue;
    }
    const errors = validate(schema, document);
    if (errors.length > 0) problems.push(`${file}: ${errors.map((error) => error.message).join('; ')}`);
    // A partner may send any variables: one that can be null where the graph needs a value would be refused at
    // run time (BAD_USER_INPUT) for a document we published. Declare it non-null, with the default if it has one.
    else
      for (const usage of nullableUsagesInNonNullPositions(schema, document, operation)) {
        problems.push(
          `${file}: $${usage.variable} is declared ${usage.declared} but fills a ${usage.required}; declare it ${usage.declared}! (a default still applies when it is left out)`,
        );
      }
    const body = print(document);
    operations.push({ id: documentIdOf(body), name: operation.name.value, type: operation.operation, body });
  }
  const names = operations.map((operation) => operation.name);
  for (const name of new Set(names)) if (names.indexOf(name) !== names.lastIndexOf(name)) problems.push(`${name}: published twice`);
  if (problems.length > 0) throw new Error(`Trusted documents are not publishable:\n${problems.join('\n')}`);
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function serializeManifest(manifest: TrustedDocumentManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest the published documents make against the checked-in supergraph, serialized as it is checked in. */
export function partnerManifestFrom(workspaceRoot: string, supergraphPath = 'apps/gateway/supergraph.graphql'): string {
  const schema = apiSchemaOf(readFileSync(join(workspaceRoot, supergraphPath), 'utf8'));
  return serializeManifest(buildManifest(readDocumentSources(join(workspaceRoot, PARTNER_DOCUMENTS_DIR)), schema));
}
