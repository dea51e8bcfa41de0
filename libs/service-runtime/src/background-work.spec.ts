import { createLogger } from '@aftercare/logging';
import { startBackgroundWork } from './background-work';

const quiet = createLogger('test', undefined, 'silent');

describe('background work', () => {
  it('runs at once, repeats after each run, survives a failed run, and stops after the run in flight', async () => {
    let runs = 0;
    let inFlight = false;
    const running = startBackgroundWork(
      {
        name: 'sweep',
        intervalMs: 5,
        run: async () => {
          expect(inFlight).toBe(false);
          inFlight = true;
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight = false;
          if (runs === 2) throw new Error('database away');
        },
      },
      quiet,
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    await running.stop();
    const stoppedAt = runs;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(inFlight).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(stoppedAt);
  });
});
