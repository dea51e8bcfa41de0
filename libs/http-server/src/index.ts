export * from './apollo-http';
export * from './graphql-errors';
export * from './listen';
