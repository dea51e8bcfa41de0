import type { Logger } from '@aftercare/logging';
import { SlaService } from './sla.service';

/** How often the running service looks at the stored deadlines. */
export const SLA_SWEEP_INTERVAL_MS = 30_000;

/**
 * Only the trigger lives in memory: what is due, warned or breached is in the database, so a sweep
 * missed while the service was down is simply done by the next one, and two instances can both run this.
 */
export class SlaSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly sla: SlaService,
    private readonly logger: Logger,
    private readonly intervalMs = SLA_SWEEP_INTERVAL_MS,
  ) {}

  start(): this {
    const tick = () => {
      this.running = this.sla
        .sweep()
        .then((swept) => {
          if (swept.warnings + swept.breaches > 0) this.logger.info('SLA sweep', swept);
        })
        .catch((error: unknown) => this.logger.error('SLA sweep failed; the next one retries', { error }))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
