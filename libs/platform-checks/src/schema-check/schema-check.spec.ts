import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SUPERGRAPH_PATH } from '@aftercare/supergraph';
import { WORKSPACE_ROOT } from '../workspace';
import { checkSchemaChange, clientOperations, composeWith } from './schema-check';

const run = promisify(execFile);
const salesSdl = readFileSync(join(WORKSPACE_ROOT, 'apps/sales/schema.graphql'), 'utf8');
const currentSupergraph = readFileSync(join(WORKSPACE_ROOT, SUPERGRAPH_PATH), 'utf8');
const withoutExternalRef = salesSdl.replace(/^ {2}externalRef: String\n/m, '');

describe('schema check for a service deploying alone', () => {
  const operations = clientOperations();

  it('finds the client operations checked in', () => {
    expect(operations.map((operation) => operation.name)).toEqual(expect.arrayContaining(['SubmitInstallOrder', 'Order', 'MyOrders', 'RegisterPartner']));
  });

  it('passes an additive change (a new field)', () => {
    const added = salesSdl.replace(/^type Order\b[^{]*\{\n/m, (opening) => `${opening}  remarks: String\n`);
    expect(added).not.toEqual(salesSdl);
    const result = checkSchemaChange(currentSupergraph, composeWith('sales', added), operations);
    expect(result.breaking).toEqual([]);
    expect(result.invalidOperations).toEqual([]);
  });

  it('catches a removed field and names the client operations it breaks', () => {
    expect(withoutExternalRef).not.toEqual(salesSdl);
    const result = checkSchemaChange(currentSupergraph, composeWith('sales', withoutExternalRef), operations);
    expect(result.breaking).toEqual([
      {
        type: 'FIELD_REMOVED',
        description: 'Order.externalRef was removed.',
        breaks: expect.arrayContaining([expect.stringMatching(/^SubmitInstallOrder /), expect.stringMatching(/^Order /), expect.stringMatching(/^MyOrders /)]),
      },
    ]);
    expect(result.invalidOperations.map((invalid) => invalid.operation.split(' ')[0])).toEqual(
      expect.arrayContaining(['MyOrders', 'Order', 'SubmitInstallOrder']),
    );
  });

  it('catches a required argument added without a default', () => {
    const tightened = salesSdl.replace(/^ {2}order\(id: ID!\): Order!\n/m, '  order(id: ID!, reason: String!): Order!\n');
    expect(tightened).not.toEqual(salesSdl);
    const result = checkSchemaChange(currentSupergraph, composeWith('sales', tightened), operations);
    expect(result.breaking).toEqual([
      {
        type: 'REQUIRED_ARG_ADDED',
        description: 'A required arg reason on Query.order was added.',
        breaks: expect.arrayContaining([expect.stringMatching(/^Order /)]),
      },
    ]);
  });

  it('`npm run schema:check` fails on the removed field, and passes when it is marked deliberate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
    const sdlFile = join(dir, 'sales.graphql');
    writeFileSync(sdlFile, withoutExternalRef);
    const cli = (...args: string[]) =>
      run(process.execPath, ['tools/run-ts.js', 'tools/schema/schema-check.ts', 'sales', '--sdl', sdlFile, '--base', 'HEAD', ...args], {
        cwd: WORKSPACE_ROOT,
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const refused = await cli();
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('BREAKING FIELD_REMOVED: Order.externalRef was removed.');
      expect(refused.stdout).toMatch(/breaks: .*SubmitInstallOrder/);
      const accepted = await cli('--allow-breaking', 'partners read externalRef from v2 now');
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toContain('breaking changes accepted as deliberate: partners read externalRef from v2 now');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
