export default {
  displayName: 'complaints',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
