/**
 * The console's own unit tests (Vitest, jsdom): `npm run console:test`. Separate from jest, which runs the
 * services; `.ci/run` counts this step like the others (reports/test-summary.txt).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The error-code catalogue the services throw from (libs/error-codes, tagged platform:browser).
  resolve: { alias: { '@aftercare/error-codes': fileURLToPath(new URL('../../libs/error-codes/src/index.ts', import.meta.url)) } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Dates in the tests are China time whatever the machine's zone: run them in another zone on purpose.
    env: { TZ: 'America/New_York' },
  },
});
