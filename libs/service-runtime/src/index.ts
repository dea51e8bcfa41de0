export * from './service-definition';
export * from './service-config';
export * from './start-service';
export * from './migrate-service';
export * from './run-service-main';
export * from './background-work';
