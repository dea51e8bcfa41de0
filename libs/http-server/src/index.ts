export * from './listen';
