import type { Logger } from '@aftercare/logging';

/**
 * Work a service repeats while it runs (an SLA sweep, the day's reminder run). Only the trigger lives in
 * memory: what is due and what was done is in the database, so the work must be idempotent, safe with two
 * instances at once, and a run missed while the service was down is simply done by the next one.
 */
export interface BackgroundWork {
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
}

export interface RunningWork {
  stop(): Promise<void>;
}

/** Runs the work at once, then again `intervalMs` after each run ends; a failed run is logged and retried next time. */
export function startBackgroundWork(work: BackgroundWork, logger: Logger): RunningWork {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    running = work
      .run()
      .then((result) => {
        if (result !== undefined) logger.debug(`${work.name} ran`, { result });
      })
      .catch((error: unknown) => logger.error(`${work.name} failed; the next run retries`, { error }))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, work.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
