#!/usr/bin/env node
/**
 * The console for `npm start`: regenerates the typed operations when the supergraph or an operation changed
 * since the last generation, then runs Vite's dev server (hot reload) on CONSOLE_PORT (default 4200), proxying
 * /graphql and the development-token endpoint to CONSOLE_GATEWAY (default http://127.0.0.1:4000).
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');
const generated = path.join(__dirname, 'src/gql/graphql.ts');

function newestInput() {
  const operations = path.join(__dirname, 'src/graphql');
  const files = [
    path.join(root, 'apps/gateway/supergraph.graphql'),
    path.join(__dirname, 'codegen.ts'),
    ...readdirSync(operations).map((file) => path.join(operations, file)),
  ];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

if (!existsSync(generated) || statSync(generated).mtimeMs < newestInput()) {
  console.log('console: generating typed operations from the supergraph');
  const codegen = spawnSync(process.execPath, [path.join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'apps/console/codegen.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (codegen.status !== 0) {
    console.error('console: an operation does not fit the supergraph (see above); fix it and restart');
    process.exit(1);
  }
}

(async () => {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: path.join(__dirname, 'vite.config.mts'), clearScreen: false });
  await server.listen();
  console.log(`console: ${server.resolvedUrls.local[0]} (proxying the graph to ${process.env.CONSOLE_GATEWAY ?? 'http://127.0.0.1:4000'})`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((error) => {
  console.error(`console: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
