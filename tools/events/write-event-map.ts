/**
 * `npm run docs:events`: writes docs/event-map.md (a Mermaid map service → event → service, and a table)
 * from the five service definitions. `--check` fails when the checked-in file is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildEventMap, EVENT_MAP_DOC, eventMapProblems, loadServiceDefinitions, renderEventMap, WORKSPACE_ROOT } from '@aftercare/platform-checks';

const map = buildEventMap(loadServiceDefinitions());
const target = join(WORKSPACE_ROOT, EVENT_MAP_DOC);
const rendered = renderEventMap(map);

for (const problem of eventMapProblems(map)) console.warn(`warning: ${problem}`);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== rendered) {
    console.error(`${EVENT_MAP_DOC} is stale: run npm run docs:events and commit the result`);
    process.exit(1);
  }
  console.log(`${EVENT_MAP_DOC} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, rendered);
  console.log(`wrote ${EVENT_MAP_DOC} (${map.flows.length} events)`);
}
