import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@aftercare/testing';
import { onlyAddsIndexes } from './baseline-services';

const migration = (path: string) => readFileSync(join(WORKSPACE_ROOT, 'apps/sales/src/migrations', path), 'utf8');

describe('which migrations the services of an older commit can share a database with', () => {
  it('takes one that only adds a plain index', () => {
    expect(onlyAddsIndexes(migration('1796621620193-customer-orders-index.ts'))).toBe(true);
  });

  it('refuses one that changes a table, even beside an index', () => {
    expect(onlyAddsIndexes(migration('1796567859603-contract-disputes-and-staff-users.ts'))).toBe(false);
  });

  it('refuses a unique index, which can refuse the old code a write', () => {
    const source = 'async up(queryRunner) { await queryRunner.query(`CREATE UNIQUE INDEX "uq" ON "t" ("c")`); }\n  async down(queryRunner) {}';
    expect(onlyAddsIndexes(source)).toBe(false);
  });
});
