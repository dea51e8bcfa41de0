import { randomUUID } from 'node:crypto';
import { EventEnvelope, SelfInstallAccepted, SelfInstallRefundApproved, Topics } from '@aftercare/event-contracts';
import { countRows, EventStream, eventually, staff, ServiceUnderTest } from '@aftercare/testing';
import { EngineerNetworkWorld } from '../engineer-network.spec-support';
import { todayInChina } from '@aftercare/business-time';

const REFUNDS = `query ($day: Date!) { selfInstallRefunds(from: $day, to: $day) { workOrderId orderId amountCents distanceKm } }`;

function accepted(orderId: string | null) {
  const workOrderId = randomUUID();
  return SelfInstallAccepted.create(workOrderId, {
    workOrderId,
    type: 'INSTALL',
    orderId,
    contractId: null,
    customerId: randomUUID(),
    city: 'Lhasa',
    brand: 'Philips',
    productModel: 'AquaPure X5',
    installFeeCents: 15000,
    distanceKm: 380.5,
  });
}

describe('self-install refunds (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let events: EventStream;
  let published: { value: string }[];

  let world: EngineerNetworkWorld;

  beforeAll(async () => {
    world = await EngineerNetworkWorld.start();
    ({ network, events, published } = world);
  });

  afterAll(() => world?.stop());

  it('approves the full install fee once per accepted self-installation and tells sales', async () => {
    const remote = accepted(randomUUID());
    await events.publish(Topics['service-dispatch'], remote, remote, SelfInstallAccepted.create(remote.aggregateId, remote.payload));
    await eventually(async () => expect(await countRows(network.service.dataSource, 'inbox_event')).toBe(2));
    expect(await countRows(network.service.dataSource, 'self_install_refund')).toBe(1);

    const approved = await eventually(() => {
      const found = published.map((message) => JSON.parse(message.value) as EventEnvelope).filter((event) => SelfInstallRefundApproved.matches(event));
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(approved.payload).toEqual({
      refundId: approved.aggregateId,
      orderId: remote.payload.orderId,
      workOrderId: remote.payload.workOrderId,
      customerId: remote.payload.customerId,
      amountCents: 15000,
      approvedAt: expect.any(String),
    });

    const { data } = await network.graphql(REFUNDS, { day: todayInChina() }, staff('SUPERVISOR'));
    expect(data).toEqual({
      selfInstallRefunds: [{ workOrderId: remote.payload.workOrderId, orderId: remote.payload.orderId, amountCents: 15000, distanceKm: 380.5 }],
    });
  });
});
