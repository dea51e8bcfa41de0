export default {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  // Each suite starts the whole platform (and one of them a broker of its own): minutes, not seconds.
  setupFilesAfterEnv: ['<rootDir>/src/support/long-timeouts.ts'],
};
