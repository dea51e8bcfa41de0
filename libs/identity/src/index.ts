export * from './roles';
export * from './identity';
export * from './headers';
export * from './gateway-signature';
export * from './staff-token';
export * from './dev-secrets';
