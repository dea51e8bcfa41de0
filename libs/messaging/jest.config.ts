export default {
  displayName: 'messaging',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
