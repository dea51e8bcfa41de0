export default {
  displayName: 'subgraph',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
