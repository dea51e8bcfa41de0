#!/usr/bin/env node
/**
 * Run after `npm install <package>`:  node tools/lockfile/complete-lockfile.js
 *
 * The registry this project's machines reach does not serve other platforms' optional native binaries
 * (@swc/core-darwin-arm64 and the like), so npm writes a lockfile without them, and `npm ci` — on CI, in
 * Docker — then refuses the lockfile as out of sync. This adds the missing entries (version pinned by
 * their parent, marked optional, with the os/cpu their name states); npm skips them on other platforms
 * and fetches them on the platform they are for.
 */
const { spawnSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');
const lockPath = path.join(root, 'package-lock.json');
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64'];

function missingFromLock() {
  const check = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8' });
  return [...`${check.stdout}${check.stderr}`.matchAll(/Missing: (.+?)@\S* from lock file/g)].map((match) => match[1]);
}

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((token) => OS.includes(token));
  const cpu = tokens.find((token) => CPU.includes(token));
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

const missing = missingFromLock();
if (missing.length === 0) {
  console.log('package-lock.json is complete: npm ci accepts it');
  process.exit(0);
}
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
let added = 0;
for (const name of missing) {
  for (const [location, entry] of Object.entries(lock.packages)) {
    const spec = entry.optionalDependencies?.[name];
    if (!spec) continue;
    const target = `${location ? `${location.slice(0, location.lastIndexOf('node_modules/'))}` : ''}node_modules/${name}`;
    if (lock.packages[target]) continue;
    lock.packages[target] = { version: spec.replace(/^[\^~=]/, ''), optional: true, ...platformOf(name) };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
const stillMissing = missingFromLock();
console.log(`added ${added} optional entries; ${stillMissing.length ? `still missing: ${stillMissing.join(', ')}` : 'npm ci accepts the lockfile now'}`);
process.exit(stillMissing.length ? 1 : 0);
