import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { mintStaffToken } from '@aftercare/identity';
import { freePort, Platform, postGraphql, startPlatform, TEST_AUTH_JWT_SECRET, WORKSPACE_ROOT } from '@aftercare/testing';

const run = promisify(execFile);

export const SCREENSHOT_DIR = join(WORKSPACE_ROOT, 'reports/screenshots');
const CONSOLE_DIST = join(WORKSPACE_ROOT, 'dist/apps/console/index.html');
const VITE = join(WORKSPACE_ROOT, 'node_modules/vite/bin/vite.js');

/** Debian's chromium, headless, with nothing of its own reaching the network (no updates, sync or telemetry). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ConsoleStack {
  platform: Platform;
  /** The console as `npm start` serves it: the built app with /graphql proxied to this platform's gateway. */
  consoleUrl: string;
  /** Partner API keys the seed registered, by partner code. */
  partnerKeys: Record<string, string>;
  /** A fresh browser context (its own session storage): one person at one screen. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Kept under reports/screenshots/ (CI keeps reports/ as its artefacts). */
  screenshot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the console did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** `vite preview` of the built console, proxying the graph and development tokens to the platform's gateway. */
async function serveConsole(gatewayBase: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!existsSync(CONSOLE_DIST)) {
    throw new Error('The console is not built: run `npm run console:build` (npm run test:browser does it first).');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, 'preview', '--config', 'apps/console/vite.config.mts', '--bypass-lock'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, CONSOLE_GATEWAY: gatewayBase, CONSOLE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForHttp(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** `npm run seed` against the platform, as a newcomer would: the demo data and its partner keys. */
async function seed(platform: Platform): Promise<Record<string, string>> {
  const directory = mkdtempSync(join(tmpdir(), 'console-seed-'));
  try {
    const file = join(directory, 'dev-credentials.json');
    await run(process.execPath, ['tools/run-ts.js', 'tools/seed/seed.ts'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, GATEWAY_URL: platform.gatewayUrl, AUTH_JWT_SECRET: TEST_AUTH_JWT_SECRET, SEED_CREDENTIALS_FILE: file },
    });
    return JSON.parse(readFileSync(file, 'utf8')).partners as Record<string, string>;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The whole platform as separate processes, seeded with the demo data, the built console in front of it and
 * a headless chromium. `beforeSeed` runs against the empty platform (e.g. an engineer the scenario needs).
 */
export async function startConsoleStack(label: string, beforeSeed?: (platform: Platform) => Promise<void>): Promise<ConsoleStack> {
  const platform = await startPlatform(label);
  let served: { url: string; stop: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const stop = async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close().catch(() => undefined);
    await served?.stop();
    await platform.stop();
  };
  try {
    await beforeSeed?.(platform);
    const partnerKeys = await seed(platform);
    served = await serveConsole(platform.gatewayBase);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const consoleUrl = served.url;
    const opened = browser;
    return {
      platform,
      consoleUrl,
      partnerKeys,
      ...browserOn(consoleUrl, opened, contexts),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in on the development sign-in screen as the seeded person of this role. */
export async function signInAs(page: Page, role: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId(`sign-in-${role}`).click();
  await page.getByTestId('signed-in-as').waitFor();
}

export async function signInAsPartner(page: Page, apiKey: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Partner' }).click();
  await page.getByTestId('partner-key').fill(apiKey);
  await page.getByTestId('partner-sign-in').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** What the run's global setup publishes about the one seeded stack every browser suite shares. */
export interface SharedStackAddress {
  consoleUrl: string;
  gatewayUrl: string;
  gatewayBase: string;
  partnerKeys: Record<string, string>;
  /** The platform's token secret (random per process that started it): suites mint their staff tokens with it. */
  authJwtSecret: string;
}
export const SHARED_STACK_ENV = 'CONSOLE_E2E_STACK';

/** The platform and the console without a browser: what global setup starts once for the whole browser run. */
export async function startSeededConsole(
  label: string,
): Promise<{ platform: Platform; consoleUrl: string; partnerKeys: Record<string, string>; stop: () => Promise<void> }> {
  const platform = await startPlatform(label);
  let served: { url: string; stop: () => Promise<void> } | undefined;
  try {
    const partnerKeys = await seed(platform);
    served = await serveConsole(platform.gatewayBase);
    const console = served;
    return {
      platform,
      consoleUrl: console.url,
      partnerKeys,
      stop: async () => {
        await console.stop();
        await platform.stop();
      },
    };
  } catch (error) {
    await served?.stop();
    await platform.stop();
    throw error;
  }
}

function browserOn(consoleUrl: string, browser: Browser, contexts: BrowserContext[]) {
  return {
    newPage: async (viewport = { width: 1440, height: 900 }) => {
      // zh-CN is the console's default; the browser says so too (Accept-Language, navigator.language).
      const context = await browser.newContext({ viewport, baseURL: consoleUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30000);
      return page;
    },
    screenshot: async (page: Page, name: string) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
  };
}

/**
 * The seeded stack this browser run shares (started once by global setup, so eight role suites do not each
 * pay a platform start and a seed), with a browser of this suite's own. Without global setup (a suite run
 * on its own through another config) it starts a stack of its own. Suites share the data: each works on
 * records it creates or finds by what it looks for, never on counts of the whole inbox.
 */
export async function sharedConsoleStack(label: string): Promise<ConsoleStack> {
  const published = process.env[SHARED_STACK_ENV];
  if (!published) return startConsoleStack(label);
  const address = JSON.parse(published) as SharedStackAddress;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];
  const refuse = () => {
    throw new Error('the shared browser-run stack cannot be restarted or scaled from a suite');
  };
  // The graph as the shared stack's gateway answers it: enough of Platform for a suite's checks.
  const platform = {
    gatewayUrl: address.gatewayUrl,
    gatewayBase: address.gatewayBase,
    env: { AUTH_JWT_SECRET: address.authJwtSecret },
    asStaff: (roles: string[], query: string, variables?: Record<string, unknown>) =>
      postGraphql(address.gatewayUrl, query, variables, {
        authorization: `Bearer ${mintStaffToken({ sub: `e2e-${roles.join('-').toLowerCase()}`, name: 'E2E', roles: roles as never }, address.authJwtSecret)}`,
      }),
    asPartner: (apiKey: string, query: string, variables?: Record<string, unknown>) =>
      postGraphql(address.gatewayUrl, query, variables, { 'x-api-key': apiKey }),
    restart: refuse,
    instances: refuse,
    instanceBase: refuse,
    scale: refuse,
    startInstance: refuse,
    stopInstance: refuse,
    stop: async () => undefined,
  } as unknown as Platform;
  return {
    platform,
    consoleUrl: address.consoleUrl,
    partnerKeys: address.partnerKeys,
    ...browserOn(address.consoleUrl, browser, contexts),
    stop: async () => {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close().catch(() => undefined);
    },
  };
}
