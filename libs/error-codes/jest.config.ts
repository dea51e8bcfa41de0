export default {
  displayName: 'error-codes',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
