export default {
  displayName: 'gateway',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
