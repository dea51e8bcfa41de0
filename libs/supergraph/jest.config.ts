export default {
  displayName: 'supergraph',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
