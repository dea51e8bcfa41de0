/**
 * The fault suite. `npm test` runs its fast part; `*.slow.e2e.spec.ts` files (broker kills, restarts in a
 * loop) run only with FAULTS_SUITE=all (`npm run test:faults`) or FAULTS_SUITE=slow (their own CI step).
 */
const suite = process.env['FAULTS_SUITE'] ?? 'fast';
const SLOW = '\\.slow\\.e2e\\.spec\\.ts$';

export default {
  displayName: 'faults-e2e',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/support/long-timeouts.ts'],
  ...(suite === 'fast' ? { testPathIgnorePatterns: ['/node_modules/', SLOW] } : {}),
  ...(suite === 'slow' ? { testRegex: SLOW } : {}),
};
