import { randomUUID } from 'node:crypto';
import { ContractDisputed, ContractSigned, Topics } from '@aftercare/event-contracts';
import { countRows, errorCodes, eventually, outboxEvents, staff } from '@aftercare/testing';
import { ComplaintsWorld, Job, supervisor } from '../complaints.spec-support';

const DISPUTES = `query { disputes(status: OPEN) { id contractId reason workOrderIds signedAreaM2 measuredAreaM2 openedBy } }`;
const EVIDENCE = `mutation ($id: ID!, $input: FileEvidenceInput!) { fileDisputeEvidence(disputeId: $id, input: $input) { id side } }`;
const RULE = `mutation ($id: ID!, $input: RuleDisputeInput!) { ruleDispute(disputeId: $id, input: $input) { id status ruling ruledBy evidence { side content } } }`;
const OPEN = `mutation ($input: OpenDisputeInput!) { openDispute(input: $input) { id status reason workOrderIds } }`;

describe('sales-versus-service disputes (complaints, real PostgreSQL and Kafka)', () => {
  let world: ComplaintsWorld;
  let job: Job;
  const salesRep = staff('SALES');
  const dispatcher = staff('DISPATCHER');

  beforeAll(async () => {
    world = await ComplaintsWorld.start();
    [job] = await world.known({});
  });

  afterAll(() => world?.stop());

  it('opens by itself on ContractDisputed (once), hears both sides and rules; DisputeRuled names the contract and its work orders', async () => {
    const contractId = randomUUID();
    const disputed = ContractDisputed.create(contractId, {
      contractId,
      customerId: job.customerId,
      reason: 'AREA_MISMATCH',
      signedAreaM2: 200,
      measuredAreaM2: 260,
      workOrderId: job.workOrderId,
    });
    await world.events.publish(Topics.sales, disputed, disputed);
    const dispute = await eventually(async () => {
      const { disputes } = await world.ok<{ disputes: { id: string; contractId: string }[] }>(DISPUTES, {}, supervisor);
      const found = disputes.find((item) => item.contractId === contractId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dispute).toMatchObject({ reason: 'AREA_MISMATCH', workOrderIds: [job.workOrderId], signedAreaM2: 200, measuredAreaM2: 260, openedBy: 'sales' });
    expect(await countRows(world.dataSource, 'dispute', 'contract_id = $1', [contractId])).toBe(1);
    expect((await outboxEvents(world.dataSource, 'DisputeOpened', dispute.id)).map((event) => event.payload)).toEqual([
      expect.objectContaining({ contractId, workOrderIds: [job.workOrderId], reason: 'AREA_MISMATCH' }),
    ]);

    await world.ok(EVIDENCE, { id: dispute.id, input: { side: 'SALES', content: 'The customer showed 200 m² on the floor plan at signing.' } }, salesRep);
    const early = await world.complaints.graphql(RULE, { id: dispute.id, input: { ruling: 'AMEND_CONTRACT' } }, supervisor);
    expect(errorCodes(early)).toEqual(['EVIDENCE_MISSING']);
    await world.ok(EVIDENCE, { id: dispute.id, input: { side: 'SERVICE', content: 'Measured 260 m² including the storage rooms.' } }, dispatcher);
    expect(errorCodes(await world.complaints.graphql(RULE, { id: dispute.id, input: { ruling: 'AMEND_CONTRACT' } }, salesRep))).toEqual(['FORBIDDEN']);

    const { ruleDispute } = await world.ok<{ ruleDispute: Record<string, unknown> }>(
      RULE,
      { id: dispute.id, input: { ruling: 'AMEND_CONTRACT', note: 'Storage rooms are in scope' } },
      supervisor,
    );
    expect(ruleDispute).toMatchObject({ status: 'RULED', ruling: 'AMEND_CONTRACT', ruledBy: supervisor.userId });
    expect((ruleDispute['evidence'] as { side: string }[]).map((item) => item.side)).toEqual(['SALES', 'SERVICE']);
    const [ruled] = await outboxEvents(world.dataSource, 'DisputeRuled', dispute.id);
    // What sales (contractId, ruling) and engineer-network (contractId, workOrderIds, ruledAt) read.
    expect(ruled.payload).toEqual({
      disputeId: dispute.id,
      contractId,
      customerId: job.customerId,
      ruling: 'AMEND_CONTRACT',
      ruledAt: expect.any(String),
      workOrderIds: [job.workOrderId],
      reason: 'AREA_MISMATCH',
    });
    expect(errorCodes(await world.complaints.graphql(RULE, { id: dispute.id, input: { ruling: 'RENEGOTIATE' } }, supervisor))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  /** Sales signs a contract for the customer; complaints learns of it from ContractSigned. */
  async function signed(customerId: string): Promise<string> {
    const contractId = randomUUID();
    await world.events.publish(
      Topics.sales,
      ContractSigned.create(contractId, {
        contractId,
        customerId,
        city: 'Hangzhou',
        siteAddress: '88 Wensan Road',
        businessType: 'RESTAURANT',
        signedAreaM2: 200,
        areaTolerance: 0.1,
        serviceItems: [{ item: 'COCKROACH', priceCents: 45000 }],
        visitsPerMonth: 2,
        qualityStandard: 'STANDARD',
        monthlyPriceCents: 45000,
        startsOn: '2026-12-01',
      }),
    );
    await eventually(async () => expect(await countRows(world.dataSource, 'contract_fact', 'id = $1', [contractId])).toBe(1));
    return contractId;
  }

  it('opens by hand for a bundled item or an over-promise, not for an area (that comes from the measurement)', async () => {
    const input = {
      contractId: await signed(job.customerId),
      customerId: job.customerId,
      reason: 'OVER_PROMISE',
      workOrderIds: [job.workOrderId],
      description: 'Weekly visits promised; contract says monthly',
    };
    const { openDispute } = await world.ok<{ openDispute: { id: string; status: string } }>(OPEN, { input }, salesRep);
    expect(openDispute).toMatchObject({ status: 'OPEN', reason: 'OVER_PROMISE' });
    // Announced like one that opened from a measurement: sales marks the contract disputed from it.
    expect((await outboxEvents(world.dataSource, 'DisputeOpened', openDispute.id)).map((event) => event.payload)).toEqual([
      {
        disputeId: openDispute.id,
        contractId: input.contractId,
        customerId: job.customerId,
        reason: 'OVER_PROMISE',
        workOrderIds: [job.workOrderId],
        openedAt: expect.any(String),
      },
    ]);
    expect(errorCodes(await world.complaints.graphql(OPEN, { input }, salesRep))).toEqual(['DISPUTE_ALREADY_OPEN']);
    expect(errorCodes(await world.complaints.graphql(OPEN, { input: { ...input, reason: 'AREA_MISMATCH' } }, salesRep))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await world.complaints.graphql(OPEN, { input: { ...input, customerId: randomUUID() } }, salesRep))).toEqual(['NOT_FOUND']);
  });

  it("refuses a dispute over a contract complaints does not know, or one that is not the customer's, storing nothing", async () => {
    const [other] = await world.known({});
    const othersContract = await signed(other.customerId);
    const input = { customerId: job.customerId, reason: 'BUNDLED_ITEM', workOrderIds: [], description: 'Rodent control thrown in for free' };
    const before = await countRows(world.dataSource, 'dispute', 'TRUE', []);
    const unknown = await world.complaints.graphql(OPEN, { input: { ...input, contractId: randomUUID() } }, salesRep);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await world.complaints.graphql(OPEN, { input: { ...input, contractId: othersContract } }, salesRep))).toEqual(['NOT_FOUND']);
    expect(await countRows(world.dataSource, 'dispute', 'TRUE', [])).toBe(before);
    // The same contract with its own customer is fine.
    expect(
      (await world.ok<{ openDispute: { status: string } }>(OPEN, { input: { ...input, customerId: other.customerId, contractId: othersContract } }, salesRep))
        .openDispute.status,
    ).toBe('OPEN');
  });

  it('knows a contract sales reports in dispute, so a second reason can be opened by hand about it', async () => {
    const contractId = randomUUID();
    await world.events.publish(
      Topics.sales,
      ContractDisputed.create(contractId, {
        contractId,
        customerId: job.customerId,
        reason: 'AREA_MISMATCH',
        signedAreaM2: 100,
        measuredAreaM2: 150,
        workOrderId: null,
      }),
    );
    await eventually(async () => expect(await countRows(world.dataSource, 'contract_fact', 'id = $1', [contractId])).toBe(1));
    const input = { contractId, customerId: job.customerId, reason: 'OVER_PROMISE', workOrderIds: [], description: 'Daily visits promised' };
    expect((await world.ok<{ openDispute: { status: string } }>(OPEN, { input }, salesRep)).openDispute.status).toBe('OPEN');
  });
});
