export * from './eventually';
export * from './graphql-client';
export * from './identities';
export * from './isolated-env';
export * from './service-under-test';
