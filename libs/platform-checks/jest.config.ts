export default {
  displayName: 'platform-checks',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
