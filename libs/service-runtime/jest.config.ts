export default {
  displayName: 'service-runtime',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
