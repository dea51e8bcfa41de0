export default {
  displayName: 'event-contracts',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
};
