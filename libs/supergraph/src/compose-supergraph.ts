import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { SubgraphEntry, SUBGRAPHS } from './subgraph-registry';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The supergraph does not compose:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Composes the checked-in subgraph SDL files into the supergraph SDL the gateway serves. */
export function composeSupergraph(workspaceRoot: string, subgraphs: readonly SubgraphEntry[] = SUBGRAPHS): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: gql(readFileSync(join(workspaceRoot, subgraph.schemaPath), 'utf8')),
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return `${result.supergraphSdl.trim()}\n`;
}
