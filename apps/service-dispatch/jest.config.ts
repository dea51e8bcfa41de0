export default {
  displayName: 'service-dispatch',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
