export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __consoleStack?: { stop: () => Promise<void> } }).__consoleStack;
  await stack?.stop();
}
