export * from './subgraph-registry';
export * from './compose-supergraph';
export * from './supergraph-subgraphs';
