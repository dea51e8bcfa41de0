#!/usr/bin/env node
/**
 * Runs a TypeScript entry point directly (services in development and tests, and the tools):
 *   node tools/run-ts.js apps/sales/src/main.ts [args…]
 * @swc-node/register compiles on load with decorator metadata and resolves the @aftercare/* paths.
 */
require('./pinned-node').runOnPinnedNode();
const path = require('node:path');

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, 'tsconfig.json');
require('@swc-node/register');

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tools/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
