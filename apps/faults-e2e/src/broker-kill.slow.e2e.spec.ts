import { LocalKafkaBroker, Platform, startPlatform } from '@aftercare/testing';
import { Client } from 'pg';
import { deliveryFigures, registerPartner, report, serviceDatabase, sleep, submitOrders } from './support/faults';

const KILLS = 3;
const ORDERS_PER_ROUND = 8;

/**
 * Scenario 1: the broker is SIGKILLed and restarted three times while partners keep submitting orders.
 * Every committed order reaches dispatch (lost = 0) and none takes effect twice (applied twice = 0).
 * A broker of its own, so the kills touch no other test.
 */
describe('scenario 1: broker killed with SIGKILL and restarted, three times, during a burst of partner orders', () => {
  let broker: LocalKafkaBroker;
  let platform: Platform;
  let dispatch: Client;

  beforeAll(async () => {
    broker = await LocalKafkaBroker.create();
    platform = await startPlatform('faults-broker', { KAFKA_BROKERS: broker.brokers });
    dispatch = await serviceDatabase(platform, 'service-dispatch');
  });

  afterAll(async () => {
    await dispatch?.end();
    await platform?.stop();
    await broker?.destroy();
  });

  it('loses nothing and applies nothing twice', async () => {
    const apiKey = await registerPartner(platform, 'FAULTSBROKER');
    const committed: string[] = [];
    let refused = 0;
    const reasons = new Set<string>();
    for (let kill = 1; kill <= KILLS; kill++) {
      // Orders in flight while the broker dies, then while it is down, then while it comes back.
      const during = submitOrders(platform, apiKey, `S1-${kill}-A`, ORDERS_PER_ROUND, 4);
      await sleep(300);
      await broker.kill();
      const whileDown = await submitOrders(platform, apiKey, `S1-${kill}-B`, ORDERS_PER_ROUND, 4);
      await broker.start();
      for (const round of [await during, whileDown]) {
        committed.push(...round.committed);
        refused += round.refused;
        round.reasons.forEach((reason) => reasons.add(reason));
      }
    }
    let figures = await deliveryFigures(dispatch, committed);
    const settledFrom = Date.now();
    while (figures.lost > 0 && Date.now() - settledFrom < 180_000) {
      await sleep(1_000);
      figures = await deliveryFigures(dispatch, committed);
    }
    report('broker-sigkill-x3', { kills: KILLS, ...figures, refused, settledMs: Date.now() - settledFrom, refusals: [...reasons].join(' | ') || '-' });
    // With the broker down, sales still commits orders to its outbox: a submission is refused only by the edge.
    expect(figures.committed).toBeGreaterThanOrEqual(KILLS * ORDERS_PER_ROUND);
    expect(figures.committed).toBe(KILLS * ORDERS_PER_ROUND * 2 - refused);
    expect(figures.lost).toBe(0);
    expect(figures.appliedTwice).toBe(0);
  });
});
