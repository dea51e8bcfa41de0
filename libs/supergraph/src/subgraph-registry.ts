/**
 * The subgraphs that make up the graph: who they are, where they listen by default and where each
 * checks in its printed SDL. Adding a service to the graph means adding it here.
 */
export interface SubgraphEntry {
  name: string;
  url: string;
  /** Relative to the workspace root. */
  schemaPath: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'sales', url: 'http://127.0.0.1:4001/graphql', schemaPath: 'apps/sales/schema.graphql' },
  { name: 'service-dispatch', url: 'http://127.0.0.1:4002/graphql', schemaPath: 'apps/service-dispatch/schema.graphql' },
  { name: 'complaints', url: 'http://127.0.0.1:4003/graphql', schemaPath: 'apps/complaints/schema.graphql' },
  { name: 'engineer-network', url: 'http://127.0.0.1:4004/graphql', schemaPath: 'apps/engineer-network/schema.graphql' },
  { name: 'value-added', url: 'http://127.0.0.1:4005/graphql', schemaPath: 'apps/value-added/schema.graphql' },
];

export const SUPERGRAPH_PATH = 'apps/gateway/supergraph.graphql';
