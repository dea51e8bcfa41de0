export default {
  displayName: 'security-e2e',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  // One platform start for the whole suite, then several hundred requests: minutes, not seconds.
  setupFilesAfterEnv: ['<rootDir>/src/long-timeouts.ts'],
};
