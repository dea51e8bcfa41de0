/**
 * The console in a real browser against the real stack: `npm run test:browser` (builds the console first).
 * Named jest.browser.config.ts, not jest.config.ts, so `npm test` (every jest.config.ts in the workspace)
 * leaves these minutes-long browser suites to their own CI step.
 */
export default {
  displayName: 'console-e2e',
  preset: '../../jest.preset.js',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.browser.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/support/long-timeouts.ts'],
  // One seeded stack for every suite of the run (src/support/global-setup.ts); each suite brings its browser.
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // One platform, one browser: the suites share the machine's two cores with nothing else of theirs.
  maxWorkers: 1,
};
