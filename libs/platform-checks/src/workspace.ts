import { join } from 'node:path';

/** The repository root; the checks read the services' sources and checked-in files from it. */
export const WORKSPACE_ROOT = join(__dirname, '../../..');
