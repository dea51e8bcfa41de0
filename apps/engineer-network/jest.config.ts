export default {
  displayName: 'engineer-network',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
