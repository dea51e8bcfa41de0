/**
 * Composes apps/gateway/supergraph.graphql from the subgraphs' checked-in SDL:
 *   npm run compose            print every subgraph's SDL, then compose
 *   npm run compose -- --check fail if the checked-in supergraph is stale (used in CI)
 * The gateway hot-reloads the file when it changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, SUPERGRAPH_PATH } from '@aftercare/supergraph';

const root = join(__dirname, '../..');
const target = join(root, SUPERGRAPH_PATH);
const composed = composeSupergraph(root);

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== composed) {
    console.error(`${SUPERGRAPH_PATH} is stale: run npm run compose and commit the result`);
    process.exit(1);
  }
  console.log(`${SUPERGRAPH_PATH} is up to date`);
} else {
  writeFileSync(target, composed);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
