export * from './database-config';
export * from './ensure-database';
export * from './open-database';
export * from './snake-naming.strategy';
export * from './transaction';
export * from './schema-drift';
export * from './uuid';
export * from './find-by-ids';
