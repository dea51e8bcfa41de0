export * from './envelope';
export * from './topics';
export * from './define-event';
export * from './sales.events';
export * from './service-dispatch.events';
export * from './complaints.events';
export * from './engineer-network.events';
export * from './value-added.events';
