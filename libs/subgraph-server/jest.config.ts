export default {
  displayName: 'subgraph-server',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
