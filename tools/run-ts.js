#!/usr/bin/env node
/**
 * Runs a TypeScript entry point directly (services in development and tests, and the tools):
 *   node tools/run-ts.js apps/sales/src/main.ts [args…]
 * @swc-node/register compiles on load with decorator metadata and resolves the @aftercare/* paths.
 */
require('./pinned-node').runOnPinnedNode();
const path = require('node:path');
// V8's compiled code for every module this process loads, kept on disk (os.tmpdir(), per Node version): a service,
// the gateway or a tool starts with a fifth less CPU the second time (2.4 s instead of 3.0 for sales, most of it
// compiling node_modules), and the tests start dozens of them. NODE_COMPILE_CACHE, when set, names the folder.
require('node:module').enableCompileCache?.(process.env.NODE_COMPILE_CACHE);

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, 'tsconfig.json');
require('@swc-node/register');

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tools/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
