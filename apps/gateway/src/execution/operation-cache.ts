import type { DocumentNode, OperationDefinitionNode } from 'graphql';
// The module @apollo/federation-internals re-exports operationFromDocument from (through a getter that reads
// this module's exports on every call): replacing it here is what @apollo/gateway's executor then calls.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const operations = require('@apollo/federation-internals/dist/operations') as {
  operationFromDocument: (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => unknown;
};

type OperationFromDocument = typeof operations.operationFromDocument;

interface Built {
  /** The document's definitions the operation was built from (operation first, then its fragments), by identity. */
  definitions: readonly unknown[];
  operation: unknown;
}

/**
 * @apollo/gateway rebuilds its own representation of the operation (`Operation`: selections resolved against
 * the API schema, fragments expanded) on every request before it executes the plan and shapes the result —
 * work that depends only on the document. Apollo Server hands every request of the same text the same parsed
 * and validated document (its document store, keyed by the query's hash), so the gateway's unvalidated rebuild
 * is remembered per schema and operation node: a new document or a new schema (supergraph reload) builds
 * again. Validation is untouched: a validated build (the query planner's, on a plan-cache miss) always runs.
 * Variables play no part in the build; @skip/@include are evaluated per request when the result is shaped.
 */
export function rememberOperationsPerDocument(build: OperationFromDocument = operations.operationFromDocument): OperationFromDocument {
  const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, Built>>();
  return (schema, document, options) => {
    const first = document.definitions[0];
    if (options?.validate !== false || options.operationName || first?.kind !== 'OperationDefinition') return build(schema, document, options);
    let byOperation = bySchema.get(schema);
    if (!byOperation) {
      byOperation = new WeakMap();
      bySchema.set(schema, byOperation);
    }
    const known = byOperation.get(first);
    if (known && sameDefinitions(known.definitions, document.definitions)) return known.operation;
    const operation = build(schema, document, options);
    byOperation.set(first, { definitions: [...document.definitions], operation });
    return operation;
  };
}

function sameDefinitions(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((definition, i) => definition === b[i]);
}

let installed = false;

/** Installs the remembering build in place of @apollo/federation-internals' own, once per process. */
export function installOperationCache(): void {
  if (installed) return;
  operations.operationFromDocument = rememberOperationsPerDocument(operations.operationFromDocument);
  installed = true;
}
