export * from './roles';
export * from './identity';
export * from './headers';
export * from './gateway-keys';
export * from './gateway-signature';
export * from './staff-token';
export * from './installation-secrets';
export * from './auth-secret';
