export default {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  testTimeout: 240000,
};
