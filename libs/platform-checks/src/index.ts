export * from './workspace';
export * from './event-map/event-origins';
export * from './event-map/event-map';
export * from './event-map/payload-usage';
export * from './schema-check/schema-check';
