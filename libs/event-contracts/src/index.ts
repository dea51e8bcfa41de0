export * from './envelope';
export * from './topics';
export * from './define-event';
export * from './sales.events';
export * from './service-dispatch.events';
