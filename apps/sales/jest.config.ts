export default {
  displayName: 'sales',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
