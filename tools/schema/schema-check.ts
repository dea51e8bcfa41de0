/**
 * `npm run schema:check -- <service> [<service>…] [--base <git ref>] [--sdl <file>] [--allow-breaking "<reason>"]`
 * `npm run schema:check -- --affected [--base <git ref>]`   (CI: the services `nx affected` names, else all)
 *
 * Before a service deploys alone: its new SDL (printed from its code, or --sdl) composed with the other services'
 * checked-in SDL must compose, and compared with the supergraph on the base branch (--base, else origin/main,
 * else HEAD) it must not break the graph: removed or retyped fields, arguments added without defaults, enum
 * values removed, inputs tightened. Each breaking change is listed with the client operations it breaks; the
 * check fails unless the change is marked deliberate with --allow-breaking "<why>".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSchemaChange, clientOperations, composeWith, formatSchemaCheck, loadServiceDefinition, WORKSPACE_ROOT } from '@aftercare/platform-checks';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '@aftercare/supergraph';

function argValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: WORKSPACE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function baseSupergraph(ref: string | undefined): { ref: string; sdl: string } {
  for (const candidate of [ref ?? 'origin/main', 'HEAD']) {
    try {
      return { ref: candidate, sdl: git(['show', `${candidate}:${SUPERGRAPH_PATH}`]) };
    } catch {
      if (candidate !== 'HEAD') console.log(`no ${SUPERGRAPH_PATH} at ${candidate}: comparing with HEAD`);
    }
  }
  throw new Error(`no base supergraph: HEAD has no ${SUPERGRAPH_PATH}`);
}

function affectedServices(base: string): string[] {
  const all = SUBGRAPHS.map((subgraph) => subgraph.name);
  try {
    const nx = require.resolve('nx/bin/nx');
    const output = execFileSync(process.execPath, [nx, 'show', 'projects', '--affected', `--base=${base}`, '--json'], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const affected = JSON.parse(output) as string[];
    return all.filter((service) => affected.includes(service));
  } catch {
    console.log(`nx affected is not available against ${base}: checking every service`);
    return all;
  }
}

/** The SDL the service's code prints now (the runtime is loaded only when needed: it is most of the start-up). */
async function printedSdl(service: string): Promise<string> {
  const { printServiceSchema } = await import('@aftercare/service-runtime');
  return printServiceSchema(loadServiceDefinition(service));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const allowBreaking = argValue(args, '--allow-breaking');
  const sdlFile = argValue(args, '--sdl');
  const flagsWithValues = new Set(['--base', '--allow-breaking', '--sdl']);
  const positional = args.filter((arg, index) => !arg.startsWith('--') && !flagsWithValues.has(args[index - 1] ?? ''));
  const base = baseSupergraph(argValue(args, '--base'));
  const services = args.includes('--affected') ? affectedServices(base.ref) : positional;
  if (services.length === 0) {
    console.log(
      args.includes('--affected')
        ? 'no service is affected: nothing to check'
        : 'usage: npm run schema:check -- <service> [--base <ref>] [--allow-breaking "<reason>"]',
    );
    return args.includes('--affected') ? 0 : 2;
  }
  if (sdlFile && services.length !== 1) throw new Error('--sdl names the new SDL of exactly one service');

  const operations = clientOperations();
  let failed = false;
  for (const service of services) {
    const sdl = sdlFile ? readFileSync(resolve(sdlFile), 'utf8') : await printedSdl(service);
    let supergraph: string;
    try {
      supergraph = composeWith(service, sdl);
    } catch (error) {
      console.error((error as Error).message);
      failed = true;
      continue;
    }
    const result = checkSchemaChange(base.sdl, supergraph, operations);
    console.log(formatSchemaCheck(service, base.ref, result));
    if (result.breaking.length > 0 || result.invalidOperations.length > 0) failed = true;
  }
  console.log(`(${operations.length} client operations checked)`);
  if (failed && allowBreaking) {
    console.log(`breaking changes accepted as deliberate: ${allowBreaking}`);
    return 0;
  }
  if (failed) console.error('schema check failed: make the change additive, or mark it deliberate with --allow-breaking "<reason>"');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
