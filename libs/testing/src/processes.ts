import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** Children still running when the test process exits (a suite that failed before its teardown) die with it. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => liveChildren.forEach((child) => child.kill('SIGKILL')));

/**
 * Ports handed out to tests, below Linux's ephemeral range (32768–60999): outgoing connections take their local
 * ports from that range, and the kernel hands the same free port to two `listen(0)` calls seconds apart, so a
 * port learnt that way could be taken by another jest worker's service before ours binds it, and the platform
 * would talk to a stranger (another platform's subgraph refusing our gateway's signature).
 */
const PORT_RANGE = { from: 20000, to: 32000 };
/** One file per port handed out, created exclusively, shared by every test process on the machine. */
const PORT_CLAIMS = join(tmpdir(), 'aftercare-test-ports');
/** A claim older than this belongs to a run that is over; its port may be handed out again. */
const CLAIM_LIFETIME_MS = 3 * 60 * 60 * 1000;

/** A port nobody listens on and no other test process has been given, for a process that takes its port from the environment. */
export async function freePort(): Promise<number> {
  mkdirSync(PORT_CLAIMS, { recursive: true });
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from));
    if (claim(port) && (await listenable(port))) return port;
  }
  throw new Error(`no free port between ${PORT_RANGE.from} and ${PORT_RANGE.to}`);
}

function claim(port: number): boolean {
  const file = join(PORT_CLAIMS, String(port));
  try {
    if (Date.now() - statSync(file).mtimeMs > CLAIM_LIFETIME_MS) unlinkSync(file);
  } catch {
    // no claim yet, or another process just renewed it: the exclusive create below decides
  }
  try {
    closeSync(openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
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
  /** Aborted while it starts: stopped, and the start rejected (a platform whose other processes failed to start). */
  signal?: AbortSignal;
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
    await waitUntilReady(child, options.readyUrl, options.timeoutMs ?? 60000, options.signal);
  } catch (error) {
    await running.stop();
    throw new Error(`${options.name} did not become ready: ${(error as Error).message}\n${output}`);
  }
  return running;
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (signal?.aborted) throw new Error('its start was called off');
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
