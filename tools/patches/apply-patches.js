#!/usr/bin/env node
/**
 * Fixes in third-party packages that upstream has not released yet, applied to node_modules after every
 * `npm install` / `npm ci` (the root package's `postinstall`). Each patch names the exact version it was
 * written for and replaces one exact piece of text, so it is idempotent and never edits anything else:
 *   - already patched: nothing to do;
 *   - the pinned version but the text is not there: the install fails (the package changed under us);
 *   - another version (an upgrade): a notice to check whether upstream fixed it and to drop or redo the patch.
 * A patch is removed once upstream releases its fix. Tested in libs/messaging/src/kafkajs-patch.spec.ts; see
 * tools/patches/README.md.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** A patch's text kept in a file beside this script (a long one reads better there than as a string). */
const patchText = (name) => readFileSync(path.join(__dirname, name), 'utf8');

const PATCHES = [
  {
    name: 'kafkajs: no negative setTimeout in the request queue',
    package: 'kafkajs',
    version: '2.2.4',
    file: 'src/network/requestQueue/index.js',
    // https://github.com/tulios/kafkajs/issues/1751 (open; fixes proposed in PRs #1755 and #1768, unreleased).
    // With nothing pending and no throttle, `throttledUntil` is -1, so kafkajs sets a timer of about
    // -Date.now() ms: Node 24 warns (TimeoutNegativeWarning) and runs it after 1 ms, and the check it runs
    // schedules the next one — a 1 ms loop per broker connection that does nothing. With nothing pending and
    // no throttle there is nothing to check: a request that becomes pending schedules its own check (push),
    // and a throttle still schedules one for when it ends.
    before: [
      '      if (this.pending.length > 0) {',
      '        scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL',
      '      }',
      '      this.throttleCheckTimeoutId = setTimeout(() => {',
    ].join('\n'),
    after: [
      '      if (this.pending.length > 0) {',
      '        scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL',
      '      } else if (scheduleAt <= 0) {',
      '        // aftercare tools/patches: nothing pending, not throttled (tulios/kafkajs#1751)',
      '        return',
      '      }',
      '      this.throttleCheckTimeoutId = setTimeout(() => {',
    ].join('\n'),
  },
  {
    name: 'kafkajs: a retried send reaches every partition',
    package: 'kafkajs',
    version: '2.2.4',
    file: 'src/producer/sendMessages.js',
    // https://github.com/tulios/kafkajs/issues/1303 (open: messages lost when a cluster loses a node) and PR #1798
    // (open, unreleased: the response map shared across retries). A send keeps the answers of the brokers that
    // answered and retries the others. It keys them by broker, so a partition whose leader moved (a broker died)
    // onto a broker that had answered for other partitions is never sent again, and the send resolves anyway: the
    // outbox relay marked such events published that were never written. The patch keys the answers by partition
    // and retries every partition not acknowledged yet, at its leader of the moment.
    before: patchText('kafkajs-2.2.4/send-messages.before.js.txt'),
    after: patchText('kafkajs-2.2.4/send-messages.after.js.txt'),
  },
];

/** Applies every patch under `nodeModules`; answers what happened to each (throws if a pinned version no longer matches). */
function applyPatches(nodeModules, patches = PATCHES) {
  return patches.map((patch) => {
    const manifest = path.join(nodeModules, patch.package, 'package.json');
    if (!existsSync(manifest)) return { name: patch.name, outcome: 'not installed' };
    const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (version !== patch.version) return { name: patch.name, outcome: `written for ${patch.version}, found ${version}: check upstream, then drop or redo it` };
    const file = path.join(nodeModules, patch.package, patch.file);
    const text = readFileSync(file, 'utf8');
    if (text.includes(patch.after)) return { name: patch.name, outcome: 'already applied' };
    const at = text.indexOf(patch.before);
    if (at < 0 || text.indexOf(patch.before, at + 1) >= 0) {
      throw new Error(`${patch.name}: ${patch.package}@${version} ${patch.file} does not hold the text to replace exactly once`);
    }
    writeFileSync(file, text.replace(patch.before, patch.after));
    return { name: patch.name, outcome: 'applied' };
  });
}

module.exports = { applyPatches, PATCHES };

if (require.main === module) {
  const nodeModules = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '../../node_modules');
  for (const { name, outcome } of applyPatches(nodeModules)) console.log(`tools/patches: ${name}: ${outcome}`);
}
