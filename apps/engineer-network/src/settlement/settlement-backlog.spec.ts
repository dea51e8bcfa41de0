import { randomUUID } from 'node:crypto';
import { CompensationApproved, ComplaintFiled, Topics, WorkOrderVerified } from '@aftercare/event-contracts';
import { countRows, errorCodes, EventStream, eventually, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';

const BACKLOG = `query { settlementAwaitingPayout { dueCents dueLines heldCents heldLines unpricedLines engineers oldestDueSince } }`;
const DEFINE_TARIFF = `mutation ($input: DefineTariffInput!) { defineTariff(input: $input) { id } }`;
const RUN_BATCH = `mutation ($periodEnd: Date!) { runPayoutBatch(periodEnd: $periodEnd) { totalCents } }`;

const admin = staff('ADMIN');
const supervisor = staff('SUPERVISOR');

function verified(engineerId: string, type: 'INSTALL' | 'REPAIR', verifiedAt: string) {
  const workOrderId = randomUUID();
  return WorkOrderVerified.create(workOrderId, {
    workOrderId,
    type,
    orderId: randomUUID(),
    contractId: null,
    customerId: randomUUID(),
    city: 'Hangzhou',
    brand: 'Philips',
    productModel: 'AquaPure X5',
    engineerId,
    verifiedAt,
    distanceKm: 5,
  });
}

describe('settlement awaiting payout (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let events: EventStream;

  async function backlog(identity = supervisor) {
    const response = await network.graphql<{ settlementAwaitingPayout: Record<string, unknown> }>(BACKLOG, {}, identity);
    expect(response.errors).toBeUndefined();
    return response.data!.settlementAwaitingPayout;
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
    events = new EventStream(network.env);
    await network.service.consumer.ready();
    // Installs are priced; repairs have no tariff, so they stay UNPRICED.
    await network.graphql(DEFINE_TARIFF, { input: { workType: 'INSTALL', distanceFromKm: 0, feeCents: 8000, effectiveFrom: '2026-01-01T00:00:00Z' } }, admin);
  });

  afterAll(async () => {
    await events?.close();
    await network?.stop();
  });

  it('is empty before anything was earned, and only for those who run the network', async () => {
    expect(await backlog()).toEqual({ dueCents: 0, dueLines: 0, heldCents: 0, heldLines: 0, unpricedLines: 0, engineers: 0, oldestDueSince: null });
    expect(errorCodes(await network.graphql(BACKLOG, {}, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await network.graphql(BACKLOG, {}, staff('SALES')))).toEqual(['FORBIDDEN']);
    for (const role of ['DISPATCHER', 'ADMIN'] as const) expect((await network.graphql(BACKLOG, {}, staff(role))).errors).toBeUndefined();
  });

  it('sums unpaid lines as due, held or unpriced, counts only engineers a batch would pay, and drops what a batch paid', async () => {
    const wang = randomUUID();
    const zhao = randomUUID();
    const li = randomUUID();
    const wangsFirst = verified(wang, 'INSTALL', '2026-05-03T02:00:00.000Z');
    const wangsComplainedAbout = verified(wang, 'INSTALL', '2026-05-04T02:00:00.000Z');
    const zhaosJob = verified(zhao, 'INSTALL', '2026-05-06T02:00:00.000Z');
    const lisRepair = verified(li, 'REPAIR', '2026-05-02T02:00:00.000Z');
    const complaintId = randomUUID();
    const compensationId = randomUUID();
    await events.publish(Topics['service-dispatch'], wangsFirst, wangsComplainedAbout, zhaosJob, lisRepair);
    await events.publish(
      Topics.complaints,
      ComplaintFiled.create(complaintId, {
        complaintId,
        category: 'SERVICE',
        customerId: randomUUID(),
        orderId: null,
        workOrderId: wangsComplainedAbout.payload.workOrderId,
        involvesLiability: true,
        receivedAt: '2026-05-05T02:00:00.000Z',
        opinionDueAt: null,
      }),
      // Zhao owes more than his job earned: his lines net below zero, so no batch pays him yet.
      CompensationApproved.create(compensationId, {
        complaintId: compensationId,
        customerId: randomUUID(),
        workOrderId: zhaosJob.payload.workOrderId,
        engineerId: zhao,
        payer: 'ENGINEER',
        amountCents: 10000,
        approvedAt: '2026-05-07T02:00:00.000Z',
      }),
    );
    await eventually(async () => expect(await countRows(network.service.dataSource, 'settlement_line', 'TRUE')).toBe(5));
    await eventually(async () => expect(await countRows(network.service.dataSource, 'settlement_hold', 'released_at IS NULL')).toBe(1));

    expect(await backlog()).toEqual({
      dueCents: 8000 + 8000 - 10000,
      dueLines: 3,
      heldCents: 8000,
      heldLines: 1,
      unpricedLines: 1,
      engineers: 1,
      oldestDueSince: '2026-05-03T02:00:00.000Z',
    });

    // The batch pays Wang's due job; Zhao's lines carry forward, the held and the unpriced stay.
    expect((await network.graphql(RUN_BATCH, { periodEnd: '2026-05-31' }, supervisor)).data).toEqual({ runPayoutBatch: { totalCents: 8000 } });
    expect(await backlog()).toEqual({
      dueCents: -2000,
      dueLines: 2,
      heldCents: 8000,
      heldLines: 1,
      unpricedLines: 1,
      engineers: 0,
      oldestDueSince: '2026-05-06T02:00:00.000Z',
    });
  });
});
