export default {
  displayName: 'value-added',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
