/**
 * `npm run docs:events`: writes docs/event-map.md (a Mermaid map service → event → service, and a table) from the
 * five service definitions. `--check` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEventMap, EVENT_MAP_DOC, eventMapProblems, loadServiceDefinitions, renderEventMap, WORKSPACE_ROOT } from '@aftercare/platform-checks';

const map = buildEventMap(loadServiceDefinitions());
const wanted: Record<string, string> = { [EVENT_MAP_DOC]: renderEventMap(map) };
const current = (file: string) => {
  try {
    return readFileSync(join(WORKSPACE_ROOT, file), 'utf8');
  } catch {
    return '';
  }
};

for (const problem of eventMapProblems(map)) console.warn(`warning: ${problem}`);
const stale = Object.keys(wanted).filter((file) => current(file) !== wanted[file]);
if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`${stale.join(' and ')} stale: run npm run docs:events and commit the result`);
    process.exit(1);
  }
  console.log('the event map is up to date');
} else {
  for (const file of stale) writeFileSync(join(WORKSPACE_ROOT, file), wanted[file]!);
  console.log(`event map: ${map.flows.length} events; ${stale.length ? `wrote ${stale.join(', ')}` : 'nothing changed'}`);
}
