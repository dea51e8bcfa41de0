import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessTable } from '@aftercare/subgraph';
import { WORKSPACE_ROOT } from '@aftercare/testing';

/**
 * PENDING — services whose `apps/<service>/src/access-table.ts` does not exist yet: the walk then checks only
 * that their operations refuse anonymous callers and never 5xx. Empty: every service has its table, so any
 * operation without a rule fails the walk. Keep it empty; a new service ships its table with its first operation.
 */
export const PENDING_SERVICES = new Set<string>();

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
