import { randomUUID } from 'node:crypto';
import {
  CompensationApproved,
  ComplaintReopened,
  ComplaintResolved,
  ContractDisputed,
  DisputeRuled,
  EventEnvelope,
  SettlementPaid,
  SettlementPaidPayload,
  Topics,
  WorkOrderType,
  WorkOrderVerified,
} from '@aftercare/event-contracts';
import { complaintFiled, countRows, errorCodes, EventStream, eventually, staff, startServiceUnderTest, ServiceUnderTest } from '@aftercare/testing';
import { engineerNetworkService } from '../engineer-network.definition';
import { SettlementService } from './settlement.service';

const DEFINE_TARIFF = `mutation ($input: DefineTariffInput!) { defineTariff(input: $input) { id feeCents } }`;
const RUN_BATCH = `mutation ($periodEnd: Date!) {
  runPayoutBatch(periodEnd: $periodEnd) { id totalCents lineCount payouts { engineerId amountCents lineCount lines { amountCents } } }
}`;
const MY_SETTLEMENTS = `query { mySettlements(from: "2026-05-01", to: "2026-07-31") { workOrderId kind amountCents status holds { source releasedAt } } }`;

const admin = staff('ADMIN');
const supervisor = staff('SUPERVISOR');

interface Batch {
  id: string;
  totalCents: number;
  lineCount: number;
  payouts: { engineerId: string; amountCents: number; lineCount: number; lines: { amountCents: number }[] }[];
}

function verified(
  engineerId: string,
  facts: { type?: WorkOrderType; brand: string; distanceKm: number | null; verifiedAt: string; amountDueCents?: number; amountCollectedCents?: number },
) {
  const workOrderId = randomUUID();
  return WorkOrderVerified.create(workOrderId, {
    workOrderId,
    type: facts.type ?? 'INSTALL',
    orderId: randomUUID(),
    contractId: null,
    customerId: randomUUID(),
    city: 'Hangzhou',
    brand: facts.brand,
    productModel: 'AquaPure X5',
    engineerId,
    verifiedAt: facts.verifiedAt,
    distanceKm: facts.distanceKm,
    amountDueCents: facts.amountDueCents,
    amountCollectedCents: facts.amountCollectedCents,
  });
}

function complaintAbout(workOrderId: string) {
  return complaintFiled(randomUUID(), {
    workOrderId,
    involvesLiability: true,
    receivedAt: '2026-06-01T02:00:00.000Z',
    opinionDueAt: '2026-06-03T02:00:00.000Z',
  });
}

function compensation(engineerId: string, workOrderId: string, amountCents: number, payer: 'ENGINEER' | 'COMPANY' = 'ENGINEER') {
  const complaintId = randomUUID();
  return CompensationApproved.create(complaintId, {
    complaintId,
    customerId: randomUUID(),
    workOrderId,
    engineerId,
    payer,
    amountCents,
    approvedAt: '2026-06-02T02:00:00.000Z',
  });
}

describe('settlement from verification through holds to a balanced payout batch (real PostgreSQL and Kafka)', () => {
  let network: ServiceUnderTest;
  let events: EventStream;
  let published: { value: string }[];
  const lines = (where = 'TRUE', parameters: unknown[] = []) => countRows(network.service.dataSource, 'settlement_line', where, parameters);

  async function ok<T>(query: string, variables: Record<string, unknown>, identity = supervisor): Promise<T> {
    const response = await network.graphql<T>(query, variables, identity);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function runBatch(periodEnd: string): Promise<Batch> {
    return (await ok<{ runPayoutBatch: Batch }>(RUN_BATCH, { periodEnd })).runPayoutBatch;
  }

  async function expectBalanced(batch: Batch): Promise<void> {
    const payoutSum = batch.payouts.reduce((sum, payout) => sum + payout.amountCents, 0);
    expect(batch.totalCents).toBe(payoutSum);
    for (const payout of batch.payouts) expect(payout.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(payout.amountCents);
    const [sums] = await network.service.dataSource.query(
      `SELECT b.total_cents::int AS batch, (SELECT coalesce(sum(p.amount_cents), 0)::int FROM payout p WHERE p.batch_id = b.id) AS payouts,
              (SELECT coalesce(sum(l.amount_cents), 0)::int FROM settlement_line l JOIN payout p ON p.id = l.payout_id WHERE p.batch_id = b.id) AS lines,
              (SELECT count(*)::int FROM settlement_line l JOIN payout p ON p.id = l.payout_id WHERE p.batch_id = b.id) AS line_count
         FROM payout_batch b WHERE b.id = $1`,
      [batch.id],
    );
    expect(sums).toEqual({ batch: batch.totalCents, payouts: batch.totalCents, lines: batch.totalCents, line_count: batch.lineCount });
  }

  beforeAll(async () => {
    network = await startServiceUnderTest(engineerNetworkService);
    events = new EventStream(network.env);
    await network.service.consumer.ready();
    published = await events.record(Topics['engineer-network']);
    for (const input of [
      { workType: 'INSTALL', distanceFromKm: 0, feeCents: 8000, effectiveFrom: '2026-01-01T00:00:00Z' },
      { workType: 'INSTALL', brand: 'Philips', distanceFromKm: 0, feeCents: 9000, effectiveFrom: '2026-01-01T00:00:00Z' },
      { workType: 'INSTALL', distanceFromKm: 30, feeCents: 12000, effectiveFrom: '2026-01-01T00:00:00Z' },
      // The new price applies to jobs verified from June on; May's jobs keep the old one.
      { workType: 'INSTALL', distanceFromKm: 0, feeCents: 8550, effectiveFrom: '2026-06-01T00:00:00Z' },
    ]) {
      await ok(DEFINE_TARIFF, { input }, admin);
    }
  });

  afterAll(async () => {
    await events?.close();
    await network?.stop();
  });

  it('pays every verified job once, holds a complained-about job until the complaint is resolved, claws back, and balances to the fen', async () => {
    const wang = randomUUID();
    const li = randomUUID();
    const philips = verified(wang, { brand: 'Philips', distanceKm: 5, verifiedAt: '2026-05-10T03:00:00.000Z' });
    const remote = verified(wang, { brand: 'Xiaomi', distanceKm: 42.5, verifiedAt: '2026-05-11T03:00:00.000Z' });
    const afterPriceChange = verified(wang, { brand: 'Xiaomi', distanceKm: 12, verifiedAt: '2026-06-20T03:00:00.000Z' });
    const onlyJob = verified(li, { brand: 'Midea', distanceKm: null, verifiedAt: '2026-05-12T03:00:00.000Z' });
    const complaint = complaintAbout(remote.payload.workOrderId);
    const clawback = compensation(wang, philips.payload.workOrderId, 3000);

    await events.publish(Topics.complaints, complaint);
    const republished = WorkOrderVerified.create(philips.aggregateId, philips.payload);
    await events.publish(Topics['service-dispatch'], philips, remote, afterPriceChange, onlyJob, philips, republished);
    await events.publish(Topics.complaints, clawback, clawback, compensation(wang, philips.payload.workOrderId, 5000, 'COMPANY'));
    await eventually(async () => expect(await lines()).toBe(5));
    expect(await lines('work_order_id = $1 AND kind = $2', [philips.payload.workOrderId, 'FEE'])).toBe(1);

    const asWang = { kind: 'staff' as const, userId: wang, name: 'Wang', roles: ['ENGINEER' as const] };
    const before = await ok<{ mySettlements: { workOrderId: string; kind: string; amountCents: number; status: string }[] }>(MY_SETTLEMENTS, {}, asWang);
    expect(before.mySettlements).toEqual([
      { workOrderId: afterPriceChange.payload.workOrderId, kind: 'FEE', amountCents: 8550, status: 'DUE', holds: [] },
      { workOrderId: philips.payload.workOrderId, kind: 'CLAWBACK', amountCents: -3000, status: 'DUE', holds: [] },
      { workOrderId: remote.payload.workOrderId, kind: 'FEE', amountCents: 12000, status: 'HELD', holds: [{ source: 'COMPLAINT', releasedAt: null }] },
      { workOrderId: philips.payload.workOrderId, kind: 'FEE', amountCents: 9000, status: 'DUE', holds: [] },
    ]);

    const first = await runBatch('2026-11-15');
    await expectBalanced(first);
    expect(first.totalCents).toBe(9000 + 8550 - 3000 + 8000);
    expect(first.payouts.map(({ engineerId, amountCents, lineCount }) => ({ engineerId, amountCents, lineCount }))).toEqual([
      { engineerId: wang, amountCents: 14550, lineCount: 3 },
      { engineerId: li, amountCents: 8000, lineCount: 1 },
    ]);

    await events.publish(
      Topics.complaints,
      ComplaintResolved.create(complaint.aggregateId, {
        complaintId: complaint.payload.complaintId,
        customerId: complaint.payload.customerId,
        workOrderId: remote.payload.workOrderId,
        satisfaction: 4,
        resolvedAt: '2026-06-05T02:00:00.000Z',
      }),
    );
    await eventually(async () => expect(await countRows(network.service.dataSource, 'settlement_hold', 'released_at IS NOT NULL')).toBe(1));
    const second = await runBatch('2026-11-22');
    await expectBalanced(second);
    expect(second.payouts.map(({ engineerId, amountCents }) => ({ engineerId, amountCents }))).toEqual([{ engineerId: wang, amountCents: 12000 }]);

    const paid = await eventually(() => {
      const found = published.map((message) => JSON.parse(message.value) as EventEnvelope).filter((event) => SettlementPaid.matches(event)) as EventEnvelope<
        'SettlementPaid',
        SettlementPaidPayload
      >[];
      expect(found).toHaveLength(3);
      return found;
    });
    const wangsFirst = paid.find((event) => event.payload.payoutBatchId === first.id && event.payload.engineerId === wang)!;
    expect(paid.map((event) => event.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ payoutBatchId: first.id, engineerId: wang, amountCents: 14550 }),
        expect.objectContaining({ payoutBatchId: first.id, engineerId: li, amountCents: 8000, workOrderIds: [onlyJob.payload.workOrderId] }),
        expect.objectContaining({ payoutBatchId: second.id, engineerId: wang, amountCents: 12000, workOrderIds: [remote.payload.workOrderId] }),
      ]),
    );
    expect([...wangsFirst.payload.workOrderIds].sort()).toEqual([philips.payload.workOrderId, afterPriceChange.payload.workOrderId].sort());
    const after = await ok<{ mySettlements: { status: string }[] }>(MY_SETTLEMENTS, {}, asWang);
    expect(after.mySettlements.map((line) => line.status)).toEqual(['PAID', 'PAID', 'PAID', 'PAID']);
    const mine = await ok<{ myPayouts: { amountCents: number; batch: { periodEnd: string }; lines: unknown[] }[] }>(
      `{ myPayouts { amountCents batch { periodEnd } lines { amountCents } } }`,
      {},
      asWang,
    );
    expect(mine.myPayouts.map(({ amountCents, batch, lines: paidLines }) => [batch.periodEnd, amountCents, paidLines.length]).sort()).toEqual([
      ['2026-11-15', 14550, 3],
      ['2026-11-22', 12000, 1],
    ]);
  });

  it('holds a job again when its complaint is reopened, and releases it when the complaint is resolved again', async () => {
    const zhou = randomUUID();
    const job = verified(zhou, { brand: 'Midea', distanceKm: 3, verifiedAt: '2026-07-02T03:00:00.000Z' });
    const complaint = complaintAbout(job.payload.workOrderId);
    const { complaintId, customerId } = complaint.payload;
    const workOrderId = job.payload.workOrderId;
    const resolved = (resolvedAt: string) => ComplaintResolved.create(complaintId, { complaintId, customerId, workOrderId, satisfaction: 3, resolvedAt });
    const holdOpen = () => countRows(network.service.dataSource, 'settlement_hold', 'work_order_id = $1 AND released_at IS NULL', [workOrderId]);

    await events.publish(Topics.complaints, complaint);
    await events.publish(Topics['service-dispatch'], job);
    await events.publish(Topics.complaints, resolved('2026-07-03T02:00:00.000Z'));
    await eventually(async () =>
      expect(await countRows(network.service.dataSource, 'settlement_hold', 'work_order_id = $1 AND released_at IS NOT NULL', [workOrderId])).toBe(1),
    );

    const reopened = ComplaintReopened.create(complaintId, {
      complaintId,
      customerId,
      workOrderId,
      engineerId: zhou,
      reason: 'Leak came back',
      reopenedAt: '2026-07-04T02:00:00.000Z',
    });
    await events.publish(Topics.complaints, reopened, reopened);
    await eventually(async () => expect(await holdOpen()).toBe(1));
    const asZhou = { kind: 'staff' as const, userId: zhou, name: 'Zhou', roles: ['ENGINEER' as const] };
    const held = await ok<{ mySettlements: { status: string }[] }>(MY_SETTLEMENTS, {}, asZhou);
    expect(held.mySettlements.map((line) => line.status)).toEqual(['HELD']);

    await events.publish(Topics.complaints, resolved('2026-07-06T02:00:00.000Z'));
    await eventually(async () => expect(await holdOpen()).toBe(0));
    const due = await ok<{ mySettlements: { status: string }[] }>(MY_SETTLEMENTS, {}, asZhou);
    expect(due.mySettlements.map((line) => line.status)).toEqual(['DUE']);
    expect(await countRows(network.service.dataSource, 'settlement_hold', 'work_order_id = $1', [workOrderId])).toBe(1);
  });

  it('keeps a job without a tariff UNPRICED until one is defined, and carries a clawback larger than the pay forward', async () => {
    const zhou = randomUUID();
    const repair = verified(zhou, { type: 'REPAIR', brand: 'Philips', distanceKm: 3, verifiedAt: '2026-05-20T03:00:00.000Z' });
    const chen = randomUUID();
    const chensJob = verified(chen, { brand: 'Midea', distanceKm: 1, verifiedAt: '2026-05-21T03:00:00.000Z' });
    await events.publish(Topics['service-dispatch'], repair, chensJob);
    await events.publish(Topics.complaints, compensation(chen, chensJob.payload.workOrderId, 20000));
    await eventually(async () => expect(await lines('engineer_id = ANY($1)', [[zhou, chen]])).toBe(3));

    const unpriced = await runBatch('2026-11-01');
    await expectBalanced(unpriced);
    expect(unpriced.payouts.map((payout) => payout.engineerId)).not.toContain(zhou);
    // 8000 earned, 20000 owed: nothing is paid and nothing is lost; both lines wait for later work.
    expect(unpriced.payouts.map((payout) => payout.engineerId)).not.toContain(chen);
    expect(await lines('engineer_id = $1 AND payout_id IS NULL', [chen])).toBe(2);

    await ok(DEFINE_TARIFF, { input: { workType: 'REPAIR', distanceFromKm: 0, feeCents: 4500, effectiveFrom: '2026-01-01T00:00:00Z' } }, admin);
    const priced = await runBatch('2026-11-02');
    await expectBalanced(priced);
    expect(priced.payouts.map(({ engineerId, amountCents }) => ({ engineerId, amountCents }))).toEqual([{ engineerId: zhou, amountCents: 4500 }]);
  });

  it('refuses a period already paid or still in the future, and tariffs from anyone but ADMIN', async () => {
    expect(errorCodes(await network.graphql(RUN_BATCH, { periodEnd: '2026-11-15' }, supervisor))).toEqual(['PAYOUT_BATCH_EXISTS']);
    expect(errorCodes(await network.graphql(RUN_BATCH, { periodEnd: '2099-01-01' }, supervisor))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await network.graphql(RUN_BATCH, { periodEnd: '2026-10-01' }, staff('ENGINEER')))).toEqual(['FORBIDDEN']);
    const tariff = { workType: 'INSTALL', distanceFromKm: 0, feeCents: 1 };
    expect(errorCodes(await network.graphql(DEFINE_TARIFF, { input: tariff }, supervisor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await network.graphql(DEFINE_TARIFF, { input: { ...tariff, feeCents: 0 } }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('holds a job while a contract dispute about it is open and releases it with the ruling', async () => {
    const sun = randomUUID();
    const visit = verified(sun, { brand: 'Philips', distanceKm: 2, verifiedAt: '2026-05-25T03:00:00.000Z' });
    const contractId = randomUUID();
    await events.publish(
      Topics.sales,
      ContractDisputed.create(contractId, {
        contractId,
        customerId: visit.payload.customerId,
        reason: 'AREA_MISMATCH',
        signedAreaM2: 200,
        measuredAreaM2: 260,
        workOrderId: visit.payload.workOrderId,
      }),
    );
    await eventually(async () => expect(await countRows(network.service.dataSource, 'settlement_hold', 'source_id = $1', [contractId])).toBe(1));
    await events.publish(Topics['service-dispatch'], visit);
    await eventually(async () => expect(await lines('engineer_id = $1', [sun])).toBe(1));

    const held = await runBatch('2026-11-03');
    expect(held.payouts.map((payout) => payout.engineerId)).not.toContain(sun);

    await events.publish(
      Topics.complaints,
      DisputeRuled.create(randomUUID(), {
        disputeId: randomUUID(),
        contractId,
        customerId: visit.payload.customerId,
        ruling: 'SERVICE_FULFILS',
        ruledAt: '2026-06-10T02:00:00.000Z',
      }),
    );
    await eventually(async () =>
      expect(await countRows(network.service.dataSource, 'settlement_hold', 'source_id = $1 AND released_at IS NOT NULL', [contractId])).toBe(1),
    );
    const released = await runBatch('2026-11-04');
    await expectBalanced(released);
    expect(released.payouts.map(({ engineerId, amountCents }) => ({ engineerId, amountCents }))).toEqual([{ engineerId: sun, amountCents: 9000 }]);
  });

  it('releases only the jobs a ruling names, keeping another job of the contract held', async () => {
    const zhou = randomUUID();
    const contractId = randomUUID();
    const [ruledOn, stillDisputed] = [1, 2].map((day) => verified(zhou, { brand: 'Philips', distanceKm: 2, verifiedAt: `2026-05-2${day}T03:00:00.000Z` }));
    await events.publish(
      Topics.sales,
      ...[ruledOn, stillDisputed].map((job) =>
        ContractDisputed.create(contractId, {
          contractId,
          customerId: job.payload.customerId,
          reason: 'AREA_MISMATCH',
          signedAreaM2: 200,
          measuredAreaM2: 260,
          workOrderId: job.payload.workOrderId,
        }),
      ),
    );
    await eventually(async () => expect(await countRows(network.service.dataSource, 'settlement_hold', 'source_id = $1', [contractId])).toBe(2));
    // What complaints publishes now: the ruling names the work orders it concerned.
    await events.publish(
      Topics.complaints,
      DisputeRuled.create(randomUUID(), {
        disputeId: randomUUID(),
        contractId,
        customerId: ruledOn.payload.customerId,
        ruling: 'AMEND_CONTRACT',
        ruledAt: '2026-06-10T02:00:00.000Z',
        workOrderIds: [ruledOn.payload.workOrderId],
        reason: 'AREA_MISMATCH',
      }),
    );
    await eventually(async () =>
      expect(await countRows(network.service.dataSource, 'settlement_hold', 'source_id = $1 AND released_at IS NOT NULL', [contractId])).toBe(1),
    );
    const open = await countRows(network.service.dataSource, 'settlement_hold', 'source_id = $1 AND released_at IS NULL AND work_order_id = $2', [
      contractId,
      stillDisputed.payload.workOrderId,
    ]);
    expect(open).toBe(1);
  });

  it('pays a line once when two batches run at the same time', async () => {
    const qian = randomUUID();
    const jobs = [1, 2, 3].map((day) => verified(qian, { brand: 'Midea', distanceKm: 1, verifiedAt: `2026-07-0${day}T03:00:00.000Z` }));
    await events.publish(Topics['service-dispatch'], ...jobs);
    await eventually(async () => expect(await lines('engineer_id = $1', [qian])).toBe(3));

    const batches = await Promise.all(['2026-11-05', '2026-11-06'].map(runBatch));
    for (const batch of batches) await expectBalanced(batch);
    const paidToQian = batches.flatMap((batch) => batch.payouts).filter((payout) => payout.engineerId === qian);
    expect(paidToQian.map((payout) => payout.amountCents)).toEqual([3 * 8550]);
  });

  it('prices a job verified while the first tariff of its work type is being defined (the repricing does not miss its uncommitted line)', async () => {
    const job = verified(randomUUID(), { type: 'REWORK', brand: 'Midea', distanceKm: 1, verifiedAt: '2026-07-10T03:00:00.000Z' });
    const settlement = network.service.container.get(SettlementService);
    let defined: Promise<unknown> = Promise.resolve();
    await network.service.dataSource.transaction(async (manager) => {
      await settlement.recordVerifiedJob(job.payload, manager);
      // The admin defines the tariff while the job's line is still uncommitted.
      defined = ok(DEFINE_TARIFF, { input: { workType: 'REWORK', distanceFromKm: 0, feeCents: 6000, effectiveFrom: '2026-01-01T00:00:00Z' } }, admin);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await defined;
    const [line] = await network.service.dataSource.query(
      'SELECT amount_cents::int AS "amountCents", tariff_id IS NOT NULL AS priced FROM settlement_line WHERE work_order_id = $1',
      [job.payload.workOrderId],
    );
    expect(line).toEqual({ amountCents: 6000, priced: true });
  });

  it("shows on the settlement line what the customer owed and what the engineer collected (a stage refused on site), without touching the engineer's fee", async () => {
    const zhao = randomUUID();
    const refusedStage = verified(zhao, {
      type: 'CONSUMABLE_REPLACEMENT',
      brand: 'Philips',
      distanceKm: 8,
      verifiedAt: '2026-07-03T03:00:00.000Z',
      amountDueCents: 9800,
      amountCollectedCents: 3000,
    });
    const install = verified(zhao, { brand: 'Philips', distanceKm: 8, verifiedAt: '2026-07-04T03:00:00.000Z' });
    await ok(DEFINE_TARIFF, { input: { workType: 'CONSUMABLE_REPLACEMENT', distanceFromKm: 0, feeCents: 2500, effectiveFrom: '2026-01-01T00:00:00Z' } }, admin);
    await events.publish(Topics['service-dispatch'], refusedStage, install);
    await eventually(async () => expect(await lines('engineer_id = $1', [zhao])).toBe(2));
    const { settlementLines } = await ok<{ settlementLines: Record<string, unknown>[] }>(
      `query ($engineerId: ID!) { settlementLines(engineerId: $engineerId, from: "2026-07-01", to: "2026-07-31") { workOrderId workType amountCents customerDueCents customerCollectedCents } }`,
      { engineerId: zhao },
      supervisor,
    );
    expect(settlementLines).toEqual([
      { workOrderId: install.payload.workOrderId, workType: 'INSTALL', amountCents: 9000, customerDueCents: null, customerCollectedCents: null },
      {
        workOrderId: refusedStage.payload.workOrderId,
        workType: 'CONSUMABLE_REPLACEMENT',
        amountCents: 2500,
        customerDueCents: 9800,
        customerCollectedCents: 3000,
      },
    ]);
  });
});
