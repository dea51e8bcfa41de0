import { join } from 'node:path';
import type { SharedStackAddress } from './console-stack';

/**
 * One seeded platform and console for the whole browser run: every role suite connects to it with a browser
 * of its own (sharedConsoleStack). Starting and seeding takes about a minute; once instead of once per suite
 * keeps the browser step within its few minutes.
 */
export default async function globalSetup(): Promise<void> {
  // Global setup runs outside jest's module mapping: the @aftercare/* paths resolve as the tools resolve them.
  const root = join(__dirname, '../../../..');
  process.env['SWC_NODE_PROJECT'] ??= join(root, 'tools/tsconfig.json');
  process.env['LOG_LEVEL'] = process.env['TEST_LOG_LEVEL'] || 'error';
  require('@swc-node/register');
  const paths = (require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    const target = paths[request]?.[0];
    return resolve.call(this, target ? join(root, target) : request, ...rest);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SHARED_STACK_ENV, startSeededConsole } = require('./console-stack') as typeof import('./console-stack');
  const stack = await startSeededConsole('e2e-console');
  (globalThis as { __consoleStack?: typeof stack }).__consoleStack = stack;
  const address: SharedStackAddress = {
    consoleUrl: stack.consoleUrl,
    gatewayUrl: stack.platform.gatewayUrl,
    gatewayBase: stack.platform.gatewayBase,
    partnerKeys: stack.partnerKeys,
    authJwtSecret: stack.platform.env['AUTH_JWT_SECRET']!,
  };
  process.env[SHARED_STACK_ENV] = JSON.stringify(address);
}
