export * from './access-guard';
export * from './build-federated-schema';
export * from './format-error';
export * from './input-guard';
export * from './request-context';
export * from './subgraph-server';
