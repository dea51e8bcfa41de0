export * from './china-time';
export * from './business-calendar';
