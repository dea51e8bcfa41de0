import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessTable } from '@aftercare/subgraph';
import { WORKSPACE_ROOT } from '@aftercare/testing';

/**
 * PENDING — complaints and value-added are being rewritten; until each ships its own
 * `apps/<service>/src/access-table.ts` (exporting one AccessTable built with defineAccessTable from
 * @aftercare/subgraph), the walk checks only that their operations refuse anonymous callers and never 5xx.
 * The lead empties this set once both files exist; from then on any of their operations without a rule fails.
 */
export const PENDING_SERVICES = new Set(['complaints', 'value-added']);

/**
 * Each service's table, read from its own file (by path: an e2e project imports no app code). A service
 * that is not pending and has no file has no rules, so every one of its operations fails the walk.
 */
export function accessTableOf(service: string): AccessTable | undefined {
  const file = join(WORKSPACE_ROOT, 'apps', service, 'src', 'access-table.ts');
  if (!existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Object.values(require(file) as Record<string, unknown>).find(
    (value): value is AccessTable => typeof value === 'object' && value !== null && 'Query' in value && 'Mutation' in value,
  );
}
