/**
 * Crash points for the fault suite (apps/faults-e2e): with AFTERCARE_FAILPOINTS naming one, the process
 * kills itself with SIGKILL the first time it gets there — a real crash at the one moment that matters
 * (after publishing but before marking sent, after the database commit but before the offset commit…),
 * which no external kill can hit reliably. Unset (always, outside that suite) it costs one Set lookup.
 */
export type Failpoint = 'relay.after-publish' | 'consumer.before-commit' | 'consumer.after-commit';

const armed = new Set(
  (process.env['AFTERCARE_FAILPOINTS'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);

export function failpoint(name: Failpoint): void {
  if (armed.size > 0 && armed.has(name)) process.kill(process.pid, 'SIGKILL');
}
