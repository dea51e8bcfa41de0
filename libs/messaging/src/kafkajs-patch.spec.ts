import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** libs/messaging/src → the workspace; not libs/testing's constant, which would make messaging and testing import each other. */
const WORKSPACE_ROOT = join(__dirname, '../../..');

interface Patch {
  name: string;
  package: string;
  version: string;
  file: string;
  before: string;
  after: string;
}
// The install-time patch (root package.json postinstall); plain JS under tools/, loaded by path.
const { applyPatches, PATCHES } = require(join(WORKSPACE_ROOT, 'tools/patches/apply-patches.js')) as {
  applyPatches(nodeModules: string, patches?: Patch[]): { name: string; outcome: string }[];
  PATCHES: Patch[];
};
const kafkajsPatch = PATCHES.find((patch) => patch.package === 'kafkajs')!;

/** A node_modules holding only `kafkajs` at this version, its request queue with this text. */
function fixture(version: string, text: string): { nodeModules: string; file: string } {
  const nodeModules = mkdtempSync(join(tmpdir(), 'patches-'));
  const file = join(nodeModules, 'kafkajs', kafkajsPatch.file);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(join(nodeModules, 'kafkajs', 'package.json'), JSON.stringify({ name: 'kafkajs', version }));
  writeFileSync(file, text);
  return { nodeModules, file };
}

const original = `  scheduleCheckPendingRequests() {\n    let scheduleAt = this.throttledUntil - Date.now()\n    if (!this.throttleCheckTimeoutId) {\n${kafkajsPatch.before}\n        this.throttleCheckTimeoutId = null\n`;

describe('tools/patches: the kafkajs request-queue patch applied at install', () => {
  it('replaces the exact text once, and a second run changes nothing', () => {
    const { nodeModules, file } = fixture(kafkajsPatch.version, original);
    expect(applyPatches(nodeModules, [kafkajsPatch])).toEqual([{ name: kafkajsPatch.name, outcome: 'applied' }]);
    const patched = readFileSync(file, 'utf8');
    expect(patched).toBe(original.replace(kafkajsPatch.before, kafkajsPatch.after));
    expect(applyPatches(nodeModules, [kafkajsPatch])).toEqual([{ name: kafkajsPatch.name, outcome: 'already applied' }]);
    expect(readFileSync(file, 'utf8')).toBe(patched);
  });

  it('fails the install when the pinned version no longer holds the text, and leaves another version alone with a notice', () => {
    const changed = fixture(kafkajsPatch.version, original.replace('CHECK_PENDING_REQUESTS_INTERVAL', 'SOMETHING_ELSE'));
    expect(() => applyPatches(changed.nodeModules, [kafkajsPatch])).toThrow(/does not hold the text/);
    const upgraded = fixture('2.3.0', original);
    expect(applyPatches(upgraded.nodeModules, [kafkajsPatch])[0]!.outcome).toMatch(/written for 2\.2\.4, found 2\.3\.0/);
    expect(readFileSync(upgraded.file, 'utf8')).toBe(original);
  });

  it('is applied to the installed kafkajs: an idle request queue sets no negative timer (no TimeoutNegativeWarning, no 1 ms loop)', async () => {
    const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
      scheduleCheckPendingRequests(): void;
      throttleCheckTimeoutId: NodeJS.Timeout | null;
    };
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
      const queue = new RequestQueue({
        maxInFlightRequests: null,
        requestTimeout: 30_000,
        enforceRequestTimeout: true,
        clientId: 'test',
        broker: 'b:9092',
        logger,
      });
      queue.scheduleCheckPendingRequests();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(queue.throttleCheckTimeoutId).toBeNull();
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
