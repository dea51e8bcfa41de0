/**
 * Where the CPU went, from the V8 profiles `BENCH_CPU_PROF=<dir> npm run bench` leaves behind: per process
 * (profile file), self time by package (or our own file) and the heaviest functions.
 *   node tools/run-ts.js tools/bench/cpu-profile-summary.ts <dir> [functions per profile, default 25]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped included), or the workspace path of our own file. */
function ownerOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  if (url.startsWith('node:')) return url;
  const own = url.match(/\/(apps|libs|tools)\/(.+)$/);
  return own ? `${own[1]}/${own[2]}` : url;
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
    busy += us;
    const owner = ownerOf(callFrame.url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const name = `${callFrame.functionName || '(anonymous)'} ${owner}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const rows = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  console.log(`\n== ${file}: ${(busy / 1000).toFixed(0)} ms busy\n-- by package or file`);
  console.log(rows(byOwner, 20).join('\n'));
  console.log('-- heaviest functions (self time)');
  console.log(rows(byFunction, top).join('\n'));
}

const [dir, top = '25'] = process.argv.slice(2);
if (!dir) throw new Error('usage: cpu-profile-summary.ts <dir> [functions per profile]');
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) summarise(join(dir, file), Number(top));
