#!/usr/bin/env node
/**
 * `npm run console:test`: the console's Vitest tests (jsdom), after generating the typed operations they
 * read. Ends, like `npm test`, with `N passed, N failed` in reports/test-summary.txt, so `.ci/run` adds them
 * to the run's count.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');
const reports = path.join(root, 'reports');
const results = path.join(reports, 'console-unit-results.json');
mkdirSync(reports, { recursive: true });
rmSync(results, { force: true });

const codegen = spawnSync(process.execPath, [path.join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'apps/console/codegen.ts'], {
  cwd: root,
  stdio: 'inherit',
});
let status = codegen.status ?? 1;
if (status === 0) {
  const vitest = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'apps/console/vitest.config.mts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  status = vitest.status ?? 1;
}

let summary = '0 passed, 1 failed';
try {
  const json = JSON.parse(readFileSync(results, 'utf8'));
  // A test file that failed to load counts as a failure, not as nothing.
  const brokenFiles = (json.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  summary = `${json.numPassedTests} passed, ${json.numFailedTests + brokenFiles} failed`;
} catch {
  // no results: codegen or vitest itself failed
}
writeFileSync(path.join(reports, 'test-summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(status);
