import { eventually, LocalKafkaBroker, Platform, startPlatform } from '@aftercare/testing';
import {
  installOrderInput,
  ORDER_WITH_WORK_ORDERS,
  OrderWithWorkOrders,
  REGISTER_PARTNER,
  RegisteredPartner,
  SUBMIT_INSTALL_ORDER,
  SubmittedOrder,
} from './support/operations';

const OUTAGE_MS = 30_000;
const ORDERS_DURING_OUTAGE = 10;

/**
 * The outbox promise: with the broker gone for 30 s, partners can still place orders, and every one of
 * them reaches dispatch — exactly once — after the broker returns. Uses a broker of its own so the
 * outage touches no other test.
 */
describe('a 30-second Kafka outage during order submission', () => {
  let broker: LocalKafkaBroker;
  let platform: Platform;
  let apiKey: string;

  beforeAll(async () => {
    broker = await LocalKafkaBroker.create();
    platform = await startPlatform('e2e-outage', { KAFKA_BROKERS: broker.brokers });
    const registered = await platform.asStaff<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'HAIER', name: 'Haier' } });
    apiKey = registered.data!.registerPartner.apiKey;
  });

  afterAll(async () => {
    await platform?.stop();
    await broker?.destroy();
  });

  async function workOrderCount(orderId: string): Promise<number> {
    const response = await platform.asPartner<OrderWithWorkOrders>(apiKey, ORDER_WITH_WORK_ORDERS, { id: orderId });
    return response.data?.order.workOrders.length ?? -1;
  }

  it('accepts orders while the broker is down and delivers every event once it is back', async () => {
    const before = await platform.asPartner<SubmittedOrder>(apiKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput('HA-BEFORE') });
    await eventually(async () => expect(await workOrderCount(before.data!.submitInstallOrder.id)).toBe(1), 30000);

    await broker.stop();
    const outageStarted = Date.now();
    const placed: string[] = [];
    for (let i = 0; i < ORDERS_DURING_OUTAGE; i++) {
      const response = await platform.asPartner<SubmittedOrder>(apiKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput(`HA-OUTAGE-${i}`) });
      expect(response.errors).toBeUndefined();
      placed.push(response.data!.submitInstallOrder.id);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    // Nothing could have travelled: the orders are in sales' outbox, not yet in dispatch.
    expect(await Promise.all(placed.map(workOrderCount))).toEqual(placed.map(() => 0));

    await broker.start();
    await eventually(async () => expect(await Promise.all(placed.map(workOrderCount))).toEqual(placed.map(() => 1)), 120000, 1000);
  });
});
