import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** Children still running when the test process exits (a suite that failed before its teardown) die with it. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => liveChildren.forEach((child) => child.kill('SIGKILL')));

/** A port nobody listens on right now, for a process that takes its port from the environment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  name: string;
  pid: number | undefined;
  /** What the process printed, for diagnosing a failed test. */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s: the orderly stop a deployment does. */
  stop(): Promise<void>;
  /** Sends a signal (SIGKILL by default: a crash) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves when the process exits by itself (a failpoint that kills it, a crash). */
  exited(): Promise<void>;
}

/**
 * Runs a service or the gateway from its TypeScript entry point as its own process, the way it runs in
 * production, and resolves once its readiness endpoint answers 200.
 */
export async function startProcess(options: {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  readyUrl: string;
  timeoutMs?: number;
}): Promise<RunningProcess> {
  const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'tools/run-ts.js'), options.entry], {
    cwd: WORKSPACE_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: RunningProcess = {
    name: options.name,
    pid: child.pid,
    output: () => output,
    stop: () => stopChild(child),
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited: () => exited,
  };
  try {
    await waitUntilReady(child, options.readyUrl, options.timeoutMs ?? 60000);
  } catch (error) {
    await running.stop();
    throw new Error(`${options.name} did not become ready: ${(error as Error).message}\n${output}`);
  }
  return running;
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
