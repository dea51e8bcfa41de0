import { AreaMeasured, DisputeOpened, DisputeRuled, Topics } from '@aftercare/event-contracts';
import type { StaffIdentity } from '@aftercare/identity';
import { countRows, errorCodes, EventStream, eventually, outboxEvents, rowCounts, ServiceUnderTest, startServiceUnderTest } from '@aftercare/testing';
import { randomUUID } from 'node:crypto';
import { salesService } from '../sales.definition';
import { admin, createCustomer, registerSalesperson, salesperson, supervisor } from '../sales.spec-support';

const SET_PRICE = `mutation ($input: SetReferencePriceInput!) { setReferencePrice(input: $input) { serviceItem referencePriceCents bandPercent floorCents } }`;
const SET_TEMPLATE = `mutation ($input: SetPromiseTemplateInput!) { setPromiseTemplate(input: $input) { businessType visitsPerMonth qualityStandard } }`;
const SET_TOLERANCE = `mutation ($percent: Int!) { setAreaTolerance(percent: $percent) }`;
const HISTORY = `query ($kind: ReferenceDataKind) { referenceDataHistory(kind: $kind) { kind subject before after changedBy } }`;
const CREATE = `mutation ($input: CreateContractInput!) {
  createContract(input: $input) {
    id status monthlyPriceCents referenceMonthlyCents specialCustomer specialReasons areaTolerancePercent promiseApprovalId
    serviceItems { item priceCents } customer { id }
  }
}`;
const APPROVE_PROMISE = `mutation ($input: ApprovePromiseInput!) { approvePromise(input: $input) { id approvedBy } }`;
const REVIEW = `mutation ($input: ReviewContractInput!) { reviewContract(input: $input) { id status reviewFindings reviewedBy } }`;
const CONTRACT = `query ($id: ID!) { contract(id: $id) { id disputed measuredAreaM2 status } }`;
const RULING = `query ($id: ID!) { contract(id: $id) { disputed disputeRuling } }`;
const OPEN_DISPUTES = `query ($id: ID!) { contract(id: $id) { disputed disputeRuling openDisputeIds } }`;
const CUSTOMER_CONTRACTS = `query ($id: ID!) { customer(id: $id) { contracts { id status } } }`;

describe('service contracts and their guardrails (sales, real PostgreSQL and Kafka)', () => {
  let sales: ServiceUnderTest;
  let events: EventStream;
  let rep: StaffIdentity;
  let customerId: string;

  const stored = () => rowCounts(sales.service.dataSource, { contracts: 'contract', events: 'outbox_event' });

  function contract(overrides: Record<string, unknown> = {}) {
    return {
      customerId,
      siteAddress: '1 Nanjing Road, kitchen',
      signedAreaM2: 200,
      serviceItems: [
        { item: 'cockroach', priceCents: 45000 },
        { item: 'RODENT', priceCents: 30000 },
      ],
      visitsPerMonth: 2,
      qualityStandard: 'STANDARD',
      startsOn: '2026-12-01',
      ...overrides,
    };
  }

  async function activeContract(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await sales.graphql<{ createContract: { id: string } }>(CREATE, { input: contract(overrides) }, rep);
    const id = created.data!.createContract.id;
    await sales.graphql(REVIEW, { input: { contractId: id, decision: 'APPROVE', findings: [] } }, supervisor);
    return id;
  }

  beforeAll(async () => {
    sales = await startServiceUnderTest(salesService);
    events = new EventStream(sales.env);
    rep = salesperson(await registerSalesperson(sales));
    customerId = await createCustomer(sales, rep, { businessType: 'RESTAURANT', city: 'Shanghai' });
    await sales.graphql(
      SET_PRICE,
      { input: { region: 'Shanghai', businessType: 'RESTAURANT', serviceItem: 'COCKROACH', referencePriceCents: 50000, bandPercent: 20 } },
      admin,
    );
    await sales.graphql(
      SET_PRICE,
      { input: { region: 'Shanghai', businessType: 'RESTAURANT', serviceItem: 'RODENT', referencePriceCents: 30000, bandPercent: 10 } },
      admin,
    );
    await sales.graphql(SET_TEMPLATE, { input: { businessType: 'RESTAURANT', visitsPerMonth: 2, qualityStandard: 'STANDARD' } }, admin);
    await sales.service.consumer.ready();
  });

  afterAll(async () => {
    await events?.close();
    await sales?.stop();
  });

  describe('reference data', () => {
    it('is kept by ADMIN with every change on record', async () => {
      const changed = await sales.graphql(
        SET_PRICE,
        { input: { region: 'Suzhou', businessType: 'HOTEL', serviceItem: 'ant', referencePriceCents: 10001, bandPercent: 15 } },
        admin,
      );
      expect(changed.data).toEqual({ setReferencePrice: { serviceItem: 'ANT', referencePriceCents: 10001, bandPercent: 15, floorCents: 8501 } });
      await sales.graphql(
        SET_PRICE,
        { input: { region: 'Suzhou', businessType: 'HOTEL', serviceItem: 'ANT', referencePriceCents: 12000, bandPercent: 10 } },
        admin,
      );
      const history = await sales.graphql<{ referenceDataHistory: Record<string, unknown>[] }>(HISTORY, { kind: 'REFERENCE_PRICE' }, supervisor);
      const ant = history.data!.referenceDataHistory.filter((change) => change['subject'] === 'Suzhou/HOTEL/ANT');
      expect(ant).toEqual([
        expect.objectContaining({
          before: expect.objectContaining({ referencePriceCents: 10001 }),
          after: expect.objectContaining({ referencePriceCents: 12000, floorCents: 10800 }),
          changedBy: admin.userId,
        }),
        expect.objectContaining({ before: null, after: expect.objectContaining({ referencePriceCents: 10001 }) }),
      ]);
      expect(errorCodes(await sales.graphql(SET_TEMPLATE, { input: { businessType: 'HOTEL', visitsPerMonth: 2, qualityStandard: 'BASIC' } }, rep))).toEqual([
        'FORBIDDEN',
      ]);
    });
  });

  describe('creation guardrails', () => {
    it('drafts a contract within the rules for review', async () => {
      const response = await sales.graphql<{ createContract: Record<string, unknown> }>(CREATE, { input: contract() }, rep);
      expect(response.errors).toBeUndefined();
      expect(response.data!.createContract).toMatchObject({
        status: 'PENDING_REVIEW',
        monthlyPriceCents: 75000,
        referenceMonthlyCents: 80000,
        specialCustomer: false,
        areaTolerancePercent: 10,
        serviceItems: [
          { item: 'COCKROACH', priceCents: 45000 },
          { item: 'RODENT', priceCents: 30000 },
        ],
        customer: { id: customerId },
      });
    });

    it.each([
      ['a price below the floor', { serviceItems: [{ item: 'COCKROACH', priceCents: 39999 }] }, 'PRICE_BELOW_FLOOR'],
      [
        'a free bundled item',
        {
          serviceItems: [
            { item: 'COCKROACH', priceCents: 45000 },
            { item: 'RODENT', priceCents: 0 },
          ],
        },
        'FREE_BUNDLED_ITEM',
      ],
      ['an item without a reference price', { serviceItems: [{ item: 'TERMITE', priceCents: 45000 }] }, 'NO_REFERENCE_PRICE'],
      ['more visits than the template, unapproved', { visitsPerMonth: 4 }, 'PROMISE_EXCEEDS_TEMPLATE'],
      ['a stricter standard than the template, unapproved', { qualityStandard: 'PREMIUM' }, 'PROMISE_EXCEEDS_TEMPLATE'],
    ])('refuses %s with %s, storing nothing', async (_case, overrides, code) => {
      const before = await stored();
      const response = await sales.graphql(CREATE, { input: contract(overrides) }, rep);
      expect(errorCodes(response)).toEqual([code]);
      expect(await stored()).toEqual(before);
    });

    it('says the floor and the offered price when the price is too low', async () => {
      const response = await sales.graphql(CREATE, { input: contract({ serviceItems: [{ item: 'COCKROACH', priceCents: 39999 }] }) }, rep);
      expect(response.errors![0].message).toContain('¥399.99');
      expect(response.errors![0].message).toContain('¥400.00');
      expect(response.errors![0].extensions).toMatchObject({ item: 'COCKROACH', offeredCents: 39999, floorCents: 40000 });
    });

    it('lets a contract promise more than the template with a supervisor approval, once, and flags low price + high cost', async () => {
      expect(
        errorCodes(await sales.graphql(APPROVE_PROMISE, { input: { customerId, visitsPerMonth: 4, qualityStandard: 'STANDARD', note: 'x' } }, rep)),
      ).toEqual(['FORBIDDEN']);
      const approval = await sales.graphql<{ approvePromise: { id: string; approvedBy: string } }>(
        APPROVE_PROMISE,
        { input: { customerId, visitsPerMonth: 4, qualityStandard: 'STANDARD', note: 'Flagship restaurant, heavy infestation' } },
        supervisor,
      );
      expect(approval.data!.approvePromise.approvedBy).toBe(supervisor.userId);
      const promiseApprovalId = approval.data!.approvePromise.id;

      const beyondApproval = await sales.graphql(CREATE, { input: contract({ visitsPerMonth: 5, promiseApprovalId }) }, rep);
      expect(errorCodes(beyondApproval)).toEqual(['PROMISE_EXCEEDS_TEMPLATE']);

      const response = await sales.graphql<{ createContract: Record<string, unknown> }>(
        CREATE,
        { input: contract({ visitsPerMonth: 4, promiseApprovalId }) },
        rep,
      );
      expect(response.data!.createContract).toMatchObject({ promiseApprovalId, specialCustomer: true });
      expect(response.data!.createContract['specialReasons']).toHaveLength(2);

      const reused = await sales.graphql(CREATE, { input: contract({ visitsPerMonth: 4, promiseApprovalId }) }, rep);
      expect(errorCodes(reused)).toEqual(['PROMISE_EXCEEDS_TEMPLATE']);
    });

    it("keeps a SALES person to their own customers' contracts", async () => {
      const other = salesperson(await registerSalesperson(sales));
      expect(errorCodes(await sales.graphql(CREATE, { input: contract() }, other))).toEqual(['NOT_FOUND']);
    });
  });

  describe('review', () => {
    it('activates an approved contract and publishes ContractSigned', async () => {
      const id = await activeContract();
      const [signed] = await outboxEvents(sales.service.dataSource, 'ContractSigned', id);
      expect(signed.payload).toMatchObject({
        contractId: id,
        customerId,
        city: 'Shanghai',
        businessType: 'RESTAURANT',
        signedAreaM2: 200,
        areaTolerance: 0.1,
        monthlyPriceCents: 75000,
        visitsPerMonth: 2,
        qualityStandard: 'STANDARD',
        startsOn: '2026-12-01',
        serviceItems: [
          { item: 'COCKROACH', priceCents: 45000 },
          { item: 'RODENT', priceCents: 30000 },
        ],
      });
      const again = await sales.graphql(REVIEW, { input: { contractId: id, decision: 'APPROVE', findings: [] } }, supervisor);
      expect(errorCodes(again)).toEqual(['INVALID_STATE_TRANSITION']);
      const listed = await sales.graphql<{ customer: { contracts: { id: string; status: string }[] } }>(CUSTOMER_CONTRACTS, { id: customerId }, rep);
      expect(listed.data!.customer.contracts).toContainEqual({ id, status: 'ACTIVE' });
    });

    it('rejects only with findings, and a rejected contract publishes nothing', async () => {
      const created = await sales.graphql<{ createContract: { id: string } }>(CREATE, { input: contract() }, rep);
      const id = created.data!.createContract.id;
      expect(errorCodes(await sales.graphql(REVIEW, { input: { contractId: id, decision: 'REJECT', findings: [' '] } }, supervisor))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const rejected = await sales.graphql(REVIEW, { input: { contractId: id, decision: 'REJECT', findings: ['Site area not surveyed'] } }, supervisor);
      expect(rejected.data).toEqual({ reviewContract: { id, status: 'REJECTED', reviewFindings: ['Site area not surveyed'], reviewedBy: supervisor.userId } });
      expect(await outboxEvents(sales.service.dataSource, 'ContractSigned', id)).toHaveLength(0);
      expect(errorCodes(await sales.graphql(REVIEW, { input: { contractId: id, decision: 'APPROVE', findings: [] } }, rep))).toEqual(['FORBIDDEN']);
    });
  });

  describe('area tolerance', () => {
    function measured(contractId: string, measuredAreaM2: number) {
      const workOrderId = randomUUID();
      return AreaMeasured.create(workOrderId, { workOrderId, contractId, customerId, measuredAreaM2 });
    }

    it('opens a dispute once when the measured area is beyond the tolerance', async () => {
      const id = await activeContract();
      const event = measured(id, 240);
      const republished = AreaMeasured.create(event.aggregateId, event.payload);
      await events.publish(Topics['service-dispatch'], event, republished);
      await eventually(async () =>
        expect((await sales.graphql(CONTRACT, { id }, rep)).data).toEqual({ contract: { id, disputed: true, measuredAreaM2: 240, status: 'ACTIVE' } }),
      );
      await eventually(async () => expect(await countRows(sales.service.dataSource, 'inbox_event', 'event_id = $1', [republished.id])).toBe(1));
      const disputes = await outboxEvents(sales.service.dataSource, 'ContractDisputed', id);
      expect(disputes).toHaveLength(1);
      expect(disputes[0].payload).toEqual({
        contractId: id,
        customerId,
        reason: 'AREA_MISMATCH',
        signedAreaM2: 200,
        measuredAreaM2: 240,
        workOrderId: event.payload.workOrderId,
      });
    });

    it('records a measurement within the tolerance without a dispute, and follows the company setting', async () => {
      const within = await activeContract();
      await events.publish(Topics['service-dispatch'], measured(within, 219));
      await eventually(async () =>
        expect((await sales.graphql(CONTRACT, { id: within }, rep)).data).toMatchObject({ contract: { measuredAreaM2: 219, disputed: false } }),
      );
      expect(await outboxEvents(sales.service.dataSource, 'ContractDisputed', within)).toHaveLength(0);

      expect((await sales.graphql(SET_TOLERANCE, { percent: 5 }, admin)).data).toEqual({ setAreaTolerance: 5 });
      const strict = await activeContract();
      await events.publish(Topics['service-dispatch'], measured(strict, 212));
      await eventually(async () => expect((await sales.graphql(CONTRACT, { id: strict }, rep)).data).toMatchObject({ contract: { disputed: true } }));
      expect(errorCodes(await sales.graphql(SET_TOLERANCE, { percent: 150 }, admin))).toEqual(['BAD_USER_INPUT']);
      await sales.graphql(SET_TOLERANCE, { percent: 10 }, admin);
    });

    it('closes the dispute when complaints rules on it', async () => {
      const id = await activeContract();
      await events.publish(Topics['service-dispatch'], measured(id, 400));
      await eventually(async () => expect((await sales.graphql(RULING, { id }, rep)).data).toEqual({ contract: { disputed: true, disputeRuling: null } }));
      const disputeId = randomUUID();
      await events.publish(
        Topics.complaints,
        DisputeRuled.create(disputeId, { disputeId, contractId: id, customerId, ruling: 'RENEGOTIATE', ruledAt: new Date().toISOString() }),
      );
      await eventually(async () =>
        expect((await sales.graphql(RULING, { id }, rep)).data).toEqual({ contract: { disputed: false, disputeRuling: 'RENEGOTIATE' } }),
      );
    });

    it('marks the contract on a dispute opened by hand (bundled item, over-promise) and carries its ruling back', async () => {
      const id = await activeContract();
      const opened = (reason: 'BUNDLED_ITEM' | 'OVER_PROMISE') => {
        const disputeId = randomUUID();
        return DisputeOpened.create(disputeId, { disputeId, contractId: id, customerId, reason, workOrderIds: [], openedAt: new Date().toISOString() });
      };
      const ruled = (event: ReturnType<typeof opened>, ruling: 'AMEND_CONTRACT' | 'SERVICE_FULFILS') =>
        DisputeRuled.create(event.aggregateId, {
          disputeId: event.payload.disputeId,
          contractId: id,
          customerId,
          ruling,
          ruledAt: new Date().toISOString(),
          workOrderIds: [],
          reason: event.payload.reason,
        });
      const bundled = opened('BUNDLED_ITEM');
      const promise = opened('OVER_PROMISE');
      // Redelivered with a new envelope id: the contract still counts the dispute once.
      await events.publish(Topics.complaints, bundled, DisputeOpened.create(bundled.aggregateId, bundled.payload), promise);
      // The two disputes' events travel on their own partitions: the contract lists them as a set, in no order.
      await eventually(async () => {
        const { contract } = (await sales.graphql<{ contract: { openDisputeIds: string[] } }>(OPEN_DISPUTES, { id }, rep)).data!;
        expect({ ...contract, openDisputeIds: [...contract.openDisputeIds].sort() }).toEqual({
          disputed: true,
          disputeRuling: null,
          openDisputeIds: [bundled.payload.disputeId, promise.payload.disputeId].sort(),
        });
      });
      // The list's filter finds it too (the supervisor's view of contracts in dispute).
      const listed = await sales.graphql<{ contracts: { edges: { node: { id: string } }[] } }>(
        `query { contracts(first: 100, disputed: true) { edges { node { id } } } }`,
        {},
        supervisor,
      );
      expect(listed.data!.contracts.edges.map((edge) => edge.node.id)).toContain(id);

      // One ruling while the other dispute is still open: the ruling shows, the contract stays in dispute.
      await events.publish(Topics.complaints, ruled(bundled, 'AMEND_CONTRACT'));
      await eventually(async () =>
        expect((await sales.graphql(OPEN_DISPUTES, { id }, rep)).data).toEqual({
          contract: { disputed: true, disputeRuling: 'AMEND_CONTRACT', openDisputeIds: [promise.payload.disputeId] },
        }),
      );
      await events.publish(Topics.complaints, ruled(promise, 'SERVICE_FULFILS'));
      await eventually(async () =>
        expect((await sales.graphql(OPEN_DISPUTES, { id }, rep)).data).toEqual({
          contract: { disputed: false, disputeRuling: 'SERVICE_FULFILS', openDisputeIds: [] },
        }),
      );
    });

    it('still reports an area mismatch while a dispute for another reason is open, and keeps it in dispute until that one is ruled', async () => {
      const id = await activeContract();
      const disputeId = randomUUID();
      await events.publish(
        Topics.complaints,
        DisputeOpened.create(disputeId, {
          disputeId,
          contractId: id,
          customerId,
          reason: 'OVER_PROMISE',
          workOrderIds: [],
          openedAt: new Date().toISOString(),
        }),
      );
      await eventually(async () => expect((await sales.graphql(RULING, { id }, rep)).data).toEqual({ contract: { disputed: true, disputeRuling: null } }));
      await events.publish(Topics['service-dispatch'], measured(id, 300));
      await eventually(async () => expect(await outboxEvents(sales.service.dataSource, 'ContractDisputed', id)).toHaveLength(1));
      await events.publish(
        Topics.complaints,
        DisputeRuled.create(disputeId, {
          disputeId,
          contractId: id,
          customerId,
          ruling: 'RENEGOTIATE',
          ruledAt: new Date().toISOString(),
          workOrderIds: [],
          reason: 'OVER_PROMISE',
        }),
      );
      // The over-promise is ruled; the area mismatch still waits for its own ruling.
      await eventually(async () =>
        expect((await sales.graphql(RULING, { id }, rep)).data).toEqual({ contract: { disputed: true, disputeRuling: 'RENEGOTIATE' } }),
      );
    });
  });
});
