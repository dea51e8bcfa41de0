#!/usr/bin/env node
/**
 * After `vite build`: the JavaScript each entry downloads before it can draw (the entry chunk and every
 * chunk it imports statically, gzip as served), per entry and per role's home screen; fails above the budget.
 *
 * Budget: 300 kB of gzipped JavaScript for the shell (what every person downloads first), and 450 kB for a
 * role's home (shell + its page). Why: a phone on 4G (the engineers' and partners' case) gets ~1.6 Mbit/s on
 * a bad cell (Lighthouse's "slow 4G"): 300 kB is ~1.5 s of transfer, then ~1 s of parsing on a mid-range
 * phone — the shell shows within ~3 s; the home page's own chunks follow while the shell is already drawn.
 * See apps/console/README.md (Fast to load).
 */
const { readFileSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const path = require('node:path');

const dist = path.join(__dirname, '../../dist/apps/console');
const SHELL_BUDGET_KB = Number(process.env.CONSOLE_SHELL_BUDGET_KB ?? 300);
const HOME_BUDGET_KB = Number(process.env.CONSOLE_HOME_BUDGET_KB ?? 450);

const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gzipped = new Map();
const gzipKb = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 6 }).length / 1024);
  return gzipped.get(file);
};

/** The chunk of `key` and every chunk it imports statically (what the browser fetches before running it). */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}
const files = (keys) => [...new Set([...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')))];
const kb = (list) => list.reduce((sum, file) => sum + gzipKb(file), 0);

const failures = [];
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
const shell = new Set();
console.log('console: initial JavaScript per entry (gzip)');
for (const [key] of entries) {
  const keys = closure(key);
  keys.forEach((k) => shell.add(k));
  const size = kb(files(keys));
  console.log(`  ${key.padEnd(40)} ${size.toFixed(1).padStart(7)} kB   (budget ${SHELL_BUDGET_KB} kB)`);
  if (size > SHELL_BUDGET_KB) failures.push(`${key}: ${size.toFixed(1)} kB > ${SHELL_BUDGET_KB} kB`);
}

// Each page folder is a dynamic entry: the shell plus the page's own static imports is what its home costs.
console.log('console: per page, shell + page (gzip)');
for (const [key, chunk] of Object.entries(manifest).filter(([, chunk]) => chunk.isDynamicEntry && /src\/pages\/[^/]+\/index\.tsx$/.test(chunk.src ?? ''))) {
  const keys = new Set([...shell, ...closure(key)]);
  const size = kb(files(keys));
  const page = /src\/pages\/([^/]+)\//.exec(chunk.src)[1];
  console.log(`  ${page.padEnd(40)} ${size.toFixed(1).padStart(7)} kB   (budget ${HOME_BUDGET_KB} kB)`);
  if (size > HOME_BUDGET_KB) failures.push(`page ${page}: ${size.toFixed(1)} kB > ${HOME_BUDGET_KB} kB`);
}

if (failures.length) {
  console.error(`console: over the JavaScript budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
