export default {
  displayName: 'business-time',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
