export * from './graphql-errors';
export * from './listen';
